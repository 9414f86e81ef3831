from mkdocs.config.base import Config


class NotFoundConfig(Config):
    """No options."""
