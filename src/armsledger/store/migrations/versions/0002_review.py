"""The analyst's desk: review decisions on records (accept, reject, correct a field), and the
indexes its pages filter on (deal parties and status, record parties, a deal source's record,
a document's date; covering indexes so that a page's joins never read a document's text or a
record's JSON).

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_deals_supplier_id", "deals", ["supplier_id"]),
    ("ix_deals_recipient_id", "deals", ["recipient_id"]),
    ("ix_deals_status", "deals", ["status"]),
    ("ix_deal_sources_record_id", "deal_sources", ["record_id"]),
    ("ix_deal_items_category", "deal_items", ["category"]),
    ("ix_transfers_supplier_id", "transfers", ["supplier_id"]),
    ("ix_transfers_recipient_id", "transfers", ["recipient_id"]),
    ("ix_aid_donor_id", "aid", ["donor_id"]),
    ("ix_aid_recipient_id", "aid", ["recipient_id"]),
    ("ix_quotes_speaker_id", "quotes", ["speaker_id"]),
    ("ix_figures_location", "figures", ["location"]),
    ("ix_documents_published", "documents", ["published"]),
    # covering indexes: a page's joins read these columns without the rows' text and JSON
    ("ix_documents_id_published", "documents", ["id", "published"]),
    ("ix_transfers_record_values", "transfers", ["record_id", "date", "value_amount", "value_currency"]),
    ("ix_deals_parties", "deals", ["id", "supplier_id", "supplier_name", "recipient_id", "recipient_name", "status"]),
]


def upgrade() -> None:
    op.create_table('reviews',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('record_key', sa.Text(), nullable=False),
        sa.Column('occurrence', sa.Integer(), nullable=False),
        sa.Column('action', sa.String(length=8), nullable=False),
        sa.Column('field', sa.Text(), nullable=True),
        sa.Column('old_value', sa.Text(), nullable=True),
        sa.Column('new_value', sa.Text(), nullable=True),
        sa.Column('made_by', sa.Text(), nullable=True),
        sa.Column('made_at', sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_reviews_document_id', 'reviews', ['document_id'], unique=False)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_index('ix_reviews_document_id', table_name='reviews')
    op.drop_table('reviews')
