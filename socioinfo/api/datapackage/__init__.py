"""The directory as an Open Referral HSDS 3.0 data package (docs/datapackage.md).

Export: ``export`` (what is exported, batches, folder and zip) → ``writer`` (rows per table)
→ ``tables`` (the descriptor and typed values) and ``profile`` (the Czech profile's
taxonomies and attributes).

Import: ``importer`` (check, then write in one transaction) → ``reader`` (files, cells, keys)
→ ``plan`` with ``attributes``, ``contacts`` and ``schedules`` (the records to write) →
``values`` (code lists and attribute values) and ``checks`` (model rules, uniqueness).
"""
