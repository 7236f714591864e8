using System.Text.Json.Serialization;

namespace NewsBrief.Summariser.Llm;

/// <summary>The JSON shape asked of providers that support json_schema structured output (openai, azure-openai).</summary>
internal sealed record ModelAnswerSchema(
    [property: JsonPropertyName("headline")] string Headline,
    [property: JsonPropertyName("sentences")] IReadOnlyList<ModelSentenceSchema> Sentences);

/// <summary>One sentence of <see cref="ModelAnswerSchema"/>.</summary>
internal sealed record ModelSentenceSchema(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("citations")] IReadOnlyList<int> Citations);
