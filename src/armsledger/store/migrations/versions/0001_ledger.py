"""The ledger's first schema: documents, records of each kind with items, evidence and actors,
merged deals with their sources and items, manual merge decisions, and full-text search over
document text (FTS5 on SQLite, a generated tsvector on PostgreSQL).

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# PostgreSQL refuses a tsvector over 1 MB: only the start of a very long text is searchable there.
PG_SEARCH_CHARS = 200_000


def upgrade() -> None:
    op.create_table('actors',
        sa.Column('id', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_table('deals',
        sa.Column('id', sa.Text(), nullable=False),
        sa.Column('supplier_id', sa.Text(), nullable=True),
        sa.Column('supplier_name', sa.Text(), nullable=True),
        sa.Column('recipient_id', sa.Text(), nullable=True),
        sa.Column('recipient_name', sa.Text(), nullable=True),
        sa.Column('status', sa.Text(), nullable=True),
        sa.Column('deal', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_table('decisions',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('documents', sa.Text(), nullable=False),
        sa.Column('others', sa.Text(), nullable=False),
        sa.Column('supplier', sa.Text(), nullable=True),
        sa.Column('recipient', sa.Text(), nullable=True),
        sa.Column('made_by', sa.Text(), nullable=True),
        sa.Column('made_at', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_table('documents',
        sa.Column('id', sa.String(length=80), nullable=False),
        sa.Column('ref', sa.Text(), nullable=True),
        sa.Column('input', sa.Text(), nullable=True),
        sa.Column('source', sa.Text(), nullable=True),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('language', sa.Text(), nullable=True),
        sa.Column('published', sa.String(length=10), nullable=True),
        sa.Column('ingested_at', sa.String(length=32), nullable=False),
        sa.Column('engine_version', sa.String(length=32), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('skip_code', sa.Text(), nullable=True),
        sa.Column('skip_reason', sa.Text(), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('entities', sa.Text(), nullable=True),
        sa.Column('fts_rowid', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_documents_fts_rowid', 'documents', ['fts_rowid'], unique=False)
    op.create_index('ix_documents_input', 'documents', ['input'], unique=False)
    op.create_index('ix_documents_status', 'documents', ['status'], unique=False)
    op.create_table('aid',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('donor_id', sa.Text(), nullable=True),
        sa.Column('recipient_id', sa.Text(), nullable=True),
        sa.Column('kind', sa.String(length=32), nullable=True),
        sa.Column('value_amount', sa.Float(), nullable=True),
        sa.Column('value_currency', sa.Text(), nullable=True),
        sa.Column('period', sa.String(length=16), nullable=True),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index('ix_aid_document_id', 'aid', ['document_id'], unique=False)
    op.create_table('deal_items',
        sa.Column('deal_id', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('designation', sa.Text(), nullable=True),
        sa.Column('category', sa.Text(), nullable=True),
        sa.Column('quantity', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('deal_id', 'position')
    )
    op.create_table('deal_sources',
        sa.Column('deal_id', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('record_id', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('deal_id', 'position')
    )
    op.create_index('ix_deal_sources_document_id', 'deal_sources', ['document_id'], unique=False)
    op.create_table('evidence',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('part', sa.Integer(), nullable=False),
        sa.Column('span_start', sa.Integer(), nullable=False),
        sa.Column('span_end', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id', 'part', 'span_start', 'span_end')
    )
    op.create_index('ix_evidence_document_id', 'evidence', ['document_id'], unique=False)
    op.create_table('figures',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('measure', sa.String(length=16), nullable=True),
        sa.Column('value', sa.Float(), nullable=True),
        sa.Column('value_high', sa.Float(), nullable=True),
        sa.Column('qualifier', sa.String(length=16), nullable=True),
        sa.Column('location', sa.Text(), nullable=True),
        sa.Column('subject', sa.Text(), nullable=True),
        sa.Column('source_name', sa.Text(), nullable=True),
        sa.Column('source_id', sa.Text(), nullable=True),
        sa.Column('source_kind', sa.String(length=16), nullable=True),
        sa.Column('stance', sa.String(length=16), nullable=True),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index('ix_figures_document_id', 'figures', ['document_id'], unique=False)
    op.create_table('legal_actions',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('court', sa.Text(), nullable=True),
        sa.Column('action', sa.String(length=32), nullable=True),
        sa.Column('respondent', sa.Text(), nullable=True),
        sa.Column('date', sa.Text(), nullable=True),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index('ix_legal_actions_document_id', 'legal_actions', ['document_id'], unique=False)
    op.create_table('quotes',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('speaker', sa.Text(), nullable=True),
        sa.Column('speaker_id', sa.Text(), nullable=True),
        sa.Column('speaker_role', sa.Text(), nullable=True),
        sa.Column('text', sa.Text(), nullable=True),
        sa.Column('direct', sa.Boolean(), nullable=True),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index('ix_quotes_document_id', 'quotes', ['document_id'], unique=False)
    op.create_table('transfers',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('document_id', sa.String(length=80), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('supplier_id', sa.Text(), nullable=True),
        sa.Column('supplier_name', sa.Text(), nullable=True),
        sa.Column('recipient_id', sa.Text(), nullable=True),
        sa.Column('recipient_name', sa.Text(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=True),
        sa.Column('channel', sa.String(length=16), nullable=True),
        sa.Column('date', sa.String(length=10), nullable=True),
        sa.Column('value_amount', sa.Float(), nullable=True),
        sa.Column('value_currency', sa.Text(), nullable=True),
        sa.Column('record', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id')
    )
    op.create_index('ix_transfers_document_id', 'transfers', ['document_id'], unique=False)
    op.create_table('items',
        sa.Column('record_id', sa.String(length=40), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('designation', sa.Text(), nullable=True),
        sa.Column('family', sa.Text(), nullable=True),
        sa.Column('description', sa.Text(), nullable=True),
        sa.Column('category', sa.String(length=32), nullable=True),
        sa.Column('quantity', sa.Integer(), nullable=True),
        sa.Column('quantity_qualifier', sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(['record_id'], ['transfers.record_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id', 'position')
    )

    _create_full_text_search()


def _create_full_text_search() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # contentless: the text is in documents.text; documents.fts_rowid points at the row
        op.execute("CREATE VIRTUAL TABLE document_fts USING fts5(title, text, content='', "
                   "tokenize='unicode61 remove_diacritics 2')")
    elif bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || "
                   f"left(coalesce(text, ''), {PG_SEARCH_CHARS}))) STORED")
        op.execute("CREATE INDEX ix_documents_search ON documents USING gin (search)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE document_fts")
    for table in ("items", "transfers", "quotes", "legal_actions", "figures", "evidence", "deal_sources",
                  "deal_items", "aid", "documents", "decisions", "deals", "actors"):
        op.drop_table(table)
