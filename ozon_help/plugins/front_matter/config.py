from mkdocs.config.base import Config


class FrontMatterConfig(Config):
    """No options: the front matter model is macros/front_matter.py."""
