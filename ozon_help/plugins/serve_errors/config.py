from mkdocs.config.base import Config


class ServeErrorsConfig(Config):
    """No options."""
