from mkdocs.config.base import Config


class SafetyConfig(Config):
    """No options."""
