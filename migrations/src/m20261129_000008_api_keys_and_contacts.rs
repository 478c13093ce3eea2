//! API keys of partner websites, the contact settings of operators, the
//! public's contact requests and the outbox of mail they cause.
//!
//! - `api_keys`: a partner website identifies itself with a key so that it
//!   gets its own quota and statistics; only the key's SHA-256 is stored.
//! - `operators.contact_mode` and `operators.contact_audiences`: how an
//!   operator wants to be contacted and by whom. Existing operators default
//!   to forwarded e-mail from every audience their offers name, which is
//!   what they get without choosing.
//! - `contact_requests`: personal data, purged after the retention period.
//! - `outbox_mails`: mail written in the same transaction as the request
//!   and sent later by the mailer, so a request is never without its mail and
//!   a mail is never lost when the SMTP server is down. Deleting a request
//!   deletes its mail.

use sea_orm_migration::{prelude::*, schema::*};

use crate::{foreign_key, index};

#[derive(DeriveMigrationName)]
pub(crate) struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table("api_keys")
                    .col(big_pk_auto("id"))
                    // The partner website, as shown in statistics ("ecole-ath").
                    .col(string_uniq("label"))
                    .col(string_uniq("key_sha256"))
                    // Null: the server's default quota.
                    .col(integer_null("requests_per_minute"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("revoked_at"))
                    .to_owned(),
            )
            .await?;
        // One ALTER per statement: SQLite takes no more.
        manager
            .alter_table(
                Table::alter()
                    .table("operators")
                    .add_column(string("contact_mode").default("EMAIL_FORWARD"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table("operators")
                    // Comma-separated audience codes; empty: every audience of the offer.
                    .add_column(string("contact_audiences").default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table("contact_requests")
                    .col(big_pk_auto("id"))
                    .col(big_integer("offer_id"))
                    .col(big_integer("operator_id"))
                    .col(string("requester_name"))
                    .col(string("requester_email"))
                    .col(string_null("requester_phone"))
                    .col(string("audience"))
                    .col(string("desired_period"))
                    .col(text("message"))
                    // The mode it went through, kept as it was when sent.
                    .col(string("contact_mode"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(timestamp_with_time_zone_null("answered_at"))
                    .foreign_key(&mut foreign_key(
                        "contact_requests",
                        "offer_id",
                        "offers",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "contact_requests",
                        "operator_id",
                        "operators",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        for columns in [&["operator_id"][..], &["offer_id"], &["created_at"]] {
            manager
                .create_index(index("contact_requests", columns))
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table("outbox_mails")
                    .col(big_pk_auto("id"))
                    .col(big_integer_null("contact_request_id"))
                    .col(string("recipient"))
                    .col(string_null("reply_to"))
                    .col(string("subject"))
                    .col(text("body"))
                    .col(timestamp_with_time_zone("created_at"))
                    .col(integer("attempts").default(0))
                    .col(timestamp_with_time_zone("next_attempt_at"))
                    // A category ("connection", "rejected"), never the server's words,
                    // which may repeat an address.
                    .col(string_null("last_error"))
                    .col(timestamp_with_time_zone_null("sent_at"))
                    .foreign_key(&mut foreign_key(
                        "outbox_mails",
                        "contact_request_id",
                        "contact_requests",
                        "id",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index("outbox_mails", &["sent_at", "next_attempt_at"]))
            .await?;
        manager
            .create_index(index("outbox_mails", &["contact_request_id"]))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["outbox_mails", "contact_requests", "api_keys"] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in ["contact_audiences", "contact_mode"] {
            manager
                .alter_table(
                    Table::alter()
                        .table("operators")
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
