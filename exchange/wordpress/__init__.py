"""Import of WordPress exports (WXR): ``manage.py import_wordpress``; see docs/wordpress.md."""
