from mkdocs.config.base import Config


class LawCheckConfig(Config):
    """No options."""
