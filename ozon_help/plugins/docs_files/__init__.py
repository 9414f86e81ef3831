"""ozon/docs_files: docs/ publishes pages and assets/ files only: no symlink, HTML file or active SVG."""
