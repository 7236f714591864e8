# NewsBrief: the `newsbrief` executable in a small, non-root runtime image.
#   docker build -t newsbrief .
#   docker run --rm -e NewsBrief__Web__AdminToken=... -v newsbrief-data:/data -p 8080:8080 newsbrief
# With no command the container runs the service (`newsbrief run`); any other command works too:
#   docker run --rm -v newsbrief-data:/data newsbrief brief --since 24h --no-poll

# Build: restore first from the project files alone, so a source change does not repeat the restore.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY core/NewsBrief.Core.csproj core/
COPY scrapers/NewsBrief.Scrapers.csproj scrapers/
COPY summariser/NewsBrief.Summariser.csproj summariser/
COPY discord/NewsBrief.Discord.csproj discord/
COPY bot/NewsBrief.Bot.csproj bot/
RUN dotnet restore bot/NewsBrief.Bot.csproj
COPY core/ core/
COPY scrapers/ scrapers/
COPY summariser/ summariser/
COPY discord/ discord/
COPY bot/ bot/
RUN dotnet publish bot/NewsBrief.Bot.csproj -c Release --no-restore -o /app

# Run: the ASP.NET Core runtime (the reading room is Kestrel), curl for the health check, and nothing else.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data \
 && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
COPY config/ /app/config/
# The defaults a container needs: its config and data folders, and the reading room on all interfaces
# (which needs NewsBrief__Web__AdminToken from the environment: the service refuses to start without it).
ENV NEWSBRIEF_CONFIG=/app/config \
    NEWSBRIEF_DATA=/data \
    NewsBrief__Web__Urls=http://0.0.0.0:8080 \
    DOTNET_NOLOGO=1
VOLUME /data
EXPOSE 8080
# The image's unprivileged user (uid 1654): the store in /data is the only place it writes.
USER $APP_UID
# /healthz answers 200 while the store answers and some source was polled recently, 503 with the reason otherwise.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --max-time 4 http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "/app/newsbrief.dll"]
CMD ["run"]
