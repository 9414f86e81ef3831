from mkdocs.config.base import Config


class CspConfig(Config):
    """No options."""
