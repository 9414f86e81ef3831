from mkdocs.config.base import Config


class NavCacheConfig(Config):
    """No options."""
