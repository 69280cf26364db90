"""Seminar outreach bot: application, configuration and services."""
