"""E-mail is the login identifier: the username goes (its values were copied to e-mail by
0002, in a migration of its own so PostgreSQL alters the table outside that transaction)."""

import django.db.models.functions.text
from django.db import migrations, models

import socioinfo.accounts.models


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0002_emails_from_usernames"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='user',
            options={'ordering': ['email'], 'verbose_name': 'user', 'verbose_name_plural': 'users'},
        ),
        migrations.AlterModelManagers(
            name='user',
            managers=[
                ('objects', socioinfo.accounts.models.UserManager()),
            ],
        ),
        migrations.RemoveField(
            model_name='user',
            name='username',
        ),
        migrations.AlterField(
            model_name='user',
            name='email',
            field=models.EmailField(max_length=254, unique=True, verbose_name='e-mail address'),
        ),
        migrations.AddConstraint(
            model_name='user',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='user_unique_email_any_case'),
        ),
    ]
