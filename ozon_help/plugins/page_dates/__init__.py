"""ozon/page_dates: each page's update date from git history (page, sitemap, JSON-LD)."""
