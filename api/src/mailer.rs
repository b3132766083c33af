//! Outgoing e-mail (SKINN's patient reports). With SMTP configured, messages go through lettre's
//! SMTP transport; otherwise (the embedded default) lettre's file transport writes each message
//! as an `.eml` file to the outbox folder in the data dir, where an operator can read or relay
//! it. Either way "sent" means the transport accepted the message, nothing more.
use std::path::PathBuf;

pub use lettre::message::Mailbox;
use lettre::message::{header::ContentType, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Clone)]
pub enum Mailer {
    Outbox {
        dir: PathBuf,
        from: Mailbox,
    },
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("'{0}' is not a valid e-mail address")]
    BadAddress(String),
    #[error("the message could not be built: {0}")]
    Build(String),
    #[error("the mail transport refused the message: {0}")]
    Transport(String),
}

/// One message: HTML with a plain-text alternative for clients that do not render HTML.
pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub text: String,
    pub html: String,
}

pub fn parse_address(to: &str) -> Result<Mailbox, MailError> {
    to.trim()
        .parse::<Mailbox>()
        .map_err(|_| MailError::BadAddress(to.to_string()))
}

impl Mailer {
    pub fn outbox(dir: PathBuf) -> Self {
        Mailer::Outbox {
            dir,
            from: "Dermis Reports <reports@dermis.localhost>"
                .parse()
                .expect("valid default sender"),
        }
    }

    /// `url` as lettre understands it: `smtp://user:pass@host:587?tls=required` (STARTTLS),
    /// `smtps://host:465` (TLS), plain `smtp://host:25` (local relay).
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Transport(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(15)))
            .build();
        Ok(Mailer::Smtp {
            transport,
            from: parse_address(from)?,
        })
    }

    pub fn describe(&self) -> String {
        match self {
            Mailer::Outbox { dir, .. } => format!("outbox {}", dir.display()),
            Mailer::Smtp { .. } => "smtp".into(),
        }
    }

    pub async fn send(&self, mail: Mail<'_>) -> Result<(), MailError> {
        let (Mailer::Outbox { from, .. } | Mailer::Smtp { from, .. }) = self;
        let message = Message::builder()
            .from(from.clone())
            .to(parse_address(mail.to)?)
            .subject(mail.subject)
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(mail.text),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(mail.html),
                    ),
            )
            .map_err(|e| MailError::Build(e.to_string()))?;
        match self {
            Mailer::Outbox { dir, .. } => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::Transport(e.to_string()))?;
                AsyncFileTransport::<Tokio1Executor>::new(dir)
                    .send(message)
                    .await
                    .map(drop)
                    .map_err(|e| MailError::Transport(e.to_string()))
            }
            Mailer::Smtp { transport, .. } => transport
                .send(message)
                .await
                .map(drop)
                .map_err(|e| MailError::Transport(e.to_string())),
        }
    }
}
