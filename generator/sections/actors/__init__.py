"""Key actors: mentions merged across sources into ranked actors with kinds and roles."""
