from django.db import migrations


def forwards(apps, schema_editor):
    from socioinfo.directory.life_situations import load_life_situations

    load_life_situations(apps)


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_code_lists")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
