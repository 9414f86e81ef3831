"""ozon/safety: front matter and titles are plain text (dev/safety.md)."""
