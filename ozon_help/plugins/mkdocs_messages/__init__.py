"""ozon/mkdocs_messages: MkDocs' link and nav warnings with docs/PAGE.md:LINE and the fix."""
