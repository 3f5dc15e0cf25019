import json

from django.conf import settings
from django.db import migrations


def load_thesaurus(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    path = settings.DATA_DIR / "thesaurus.json"
    for words in json.loads(path.read_text(encoding="utf-8"))["groups"]:
        SynonymGroup.objects.get_or_create(words=words)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(load_thesaurus, migrations.RunPython.noop)]
