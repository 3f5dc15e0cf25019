"""Socioinfo: social services of a city in one place."""
