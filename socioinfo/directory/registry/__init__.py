"""Import of the national registry of social services (RPSS, MPSV open data ``rpss.json``).

``parser`` reads the JSON into the plain records of ``records`` (or rejections), ``geocode``
places facilities through RÚIAN address points or the Brno street register, and ``importer``
writes everything in one transaction, all or nothing. See docs/registry_import.md.
"""
