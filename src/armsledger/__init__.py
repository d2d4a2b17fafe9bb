"""armsledger: arms transfers, military aid and the claims around them, with evidence."""
__version__ = "0.1.0"
