from django.db import migrations


def forwards(apps, schema_editor):
    from socioinfo.directory.codelists import load_code_lists

    load_code_lists(apps)


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
