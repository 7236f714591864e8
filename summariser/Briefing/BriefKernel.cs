using Microsoft.SemanticKernel;

namespace NewsBrief.Summariser.Briefing;

/// <summary>Builds the kernel the brief runs on: the <see cref="BriefPlugin"/> over the given story summariser.</summary>
public static class BriefKernel
{
    public static Kernel Create(IStorySummariser summariser)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.ImportPluginFromObject(new BriefPlugin(summariser), BriefPlugin.PluginName);
        return kernel;
    }
}
