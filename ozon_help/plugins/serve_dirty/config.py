from mkdocs.config.base import Config


class ServeDirtyConfig(Config):
    """No options."""
