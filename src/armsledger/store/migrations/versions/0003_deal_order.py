"""Deals keep the merge's order: `position` is the deal's place in the order its documents tell
the deals (`merge_transfers`), which `armsledger transfers` lists them in.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("deals", sa.Column("position", sa.Integer(), nullable=True))
    op.create_index("ix_deals_position", "deals", ["position", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_deals_position", table_name="deals")
    with op.batch_alter_table("deals") as batch:   # SQLite drops a column by copying the table
        batch.drop_column("position")
