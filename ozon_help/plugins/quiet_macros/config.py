from mkdocs.config.base import Config


class QuietMacrosConfig(Config):
    """No options."""
