//! `wapi`: the Wapi Synergies server and its administration commands.
//!
//! Configuration comes from flags or the environment (`DATABASE_URL`,
//! `WAPI_*`); every variable is documented on the flag that reads it
//! (`wapi help serve`).

use std::net::SocketAddr;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use domain::location::{BoundingBox, ServiceArea};
use storage::{DEFAULT_DATABASE_URL, SeedSelection, Store, redact_url};
use tracing_subscriber::EnvFilter;

mod commands;
mod mailer;

#[derive(Parser, Debug)]
#[command(
    name = "wapi",
    version,
    about = "Trainings, internships, jobs and trade discovery in Wallonie picarde, on one map."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Migrates and seeds the database if needed, then serves the API.
    Serve(ServeArgs),
    /// Applies pending database migrations.
    Migrate(DatabaseArgs),
    /// Loads the reference data and, unless disabled, the demo data set (once).
    Seed(SeedArgs),
    /// Prints the GraphQL schema (SDL) that `schema.graphql` holds.
    Schema,
    /// Checks a GTFS feed (zip file or folder) and stores it in the database, so that the next
    /// `serve` — and running instances, within seconds — plan journeys with it beside the others.
    ImportGtfs(ImportGtfsArgs),
    /// Imports an operator's equipment inventory from a spreadsheet (CSV, XLSX or ODS), all or
    /// nothing, and prints the row-by-row report; the file is the inventory of the operator (or
    /// of `--site`): items it no longer lists are retired.
    ImportEquipment(ImportEquipmentArgs),
    /// Writes an operator's equipment inventory as a spreadsheet the import reads back.
    ExportEquipment(ExportEquipmentArgs),
    /// Accounts: `wapi user create|disable`.
    #[command(subcommand)]
    User(UserCommand),
    /// Bearer tokens for scripts: `wapi token create|revoke`.
    #[command(subcommand)]
    Token(TokenCommand),
    /// API keys of partner websites (quotas and statistics, never rights): `wapi apikey create|revoke`.
    #[command(subcommand)]
    Apikey(ApiKeyCommand),
}

#[derive(Subcommand, Debug)]
enum ApiKeyCommand {
    /// Creates a key for a partner website and prints only the key (sent as `X-Api-Key`).
    Create {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The website, as statistics will name it: letters, digits, '-', '_', '.' (e.g. `ecole-ath`).
        #[arg(long)]
        label: String,
        /// Its own quota of GraphQL requests per minute (default: the server's `--rate-limit-per-api-key`).
        #[arg(long)]
        requests_per_minute: Option<u32>,
    },
    /// Revokes the key of a website: requests with it are refused with 401 from then on.
    Revoke {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The website's label.
        #[arg(long)]
        label: String,
    },
}

#[derive(Args, Debug)]
pub(crate) struct DatabaseArgs {
    /// Database URL: `sqlite://path?mode=rwc` (embedded, created on first use) or `postgres://user@host/db`.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL)]
    pub(crate) database_url: String,
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Creates an account; the password comes from WAPI_PASSWORD or the first line of standard input.
    Create {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The e-mail address it signs in with.
        #[arg(long)]
        email: String,
        /// The name shown to others.
        #[arg(long)]
        name: String,
        /// ADMIN (IBEFE staff) or PARTNER.
        #[arg(long)]
        role: String,
        /// The code of an operator a partner acts for (repeat for several).
        #[arg(long = "operator")]
        operators: Vec<String>,
    },
    /// Disables an account and revokes its tokens.
    Disable {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Creates a bearer token for an account and prints only the token.
    Create {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The account's e-mail address.
        #[arg(long)]
        user: String,
        /// How many days it lasts.
        #[arg(long, default_value_t = 90)]
        days: u32,
        /// What it is for, to recognise it later.
        #[arg(long, default_value = "script")]
        label: String,
    },
    /// Revokes a token.
    Revoke {
        #[command(flatten)]
        database: DatabaseArgs,
        /// The token.
        token: String,
    },
}

#[derive(Args, Debug)]
struct ImportGtfsArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// The feed: a GTFS zip file, a folder of GTFS text files, or the https URL of a zip
    /// (downloaded with a 2-minute timeout and a 300 MB limit).
    source: String,
    /// The name to store it under (default: the file or folder name); importing a name again
    /// replaces that feed.
    #[arg(long)]
    name: Option<String>,
}

#[derive(Args, Debug)]
pub(crate) struct ImportEquipmentArgs {
    #[command(flatten)]
    pub(crate) database: DatabaseArgs,
    /// The spreadsheet: .csv (';' or ',', UTF-8 or Windows-1252), .xlsx or .ods.
    pub(crate) file: std::path::PathBuf,
    /// The operator whose inventory it is, by code.
    #[arg(long)]
    pub(crate) operator: String,
    /// The site (its name or locality) of rows naming none; the file is then that site's inventory.
    #[arg(long)]
    pub(crate) site: Option<String>,
    /// The sheet to read, when the workbook has several (by default the one with the header).
    #[arg(long)]
    pub(crate) sheet: Option<String>,
    /// Report what would change without writing anything.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// The largest file accepted, in bytes.
    #[arg(long, env = "WAPI_IMPORT_MAX_BYTES", default_value_t = 10_000_000)]
    pub(crate) max_bytes: u64,
}

#[derive(Args, Debug)]
pub(crate) struct ExportEquipmentArgs {
    #[command(flatten)]
    pub(crate) database: DatabaseArgs,
    /// The operator, by code.
    #[arg(long)]
    pub(crate) operator: String,
    /// Where to write: its extension (.xlsx or .csv) chooses the format.
    pub(crate) output: std::path::PathBuf,
}

#[derive(Args, Debug)]
struct SeedArgs {
    #[command(flatten)]
    database: DatabaseArgs,
    /// Load only the real reference data, not the invented demo operators and offers.
    #[arg(long, env = "WAPI_NO_DEMO_DATA")]
    no_demo_data: bool,
}

#[derive(Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    seed: SeedArgs,
    /// Address and port to listen on.
    #[arg(long, env = "WAPI_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Partner website origins allowed to call the API from browsers (CORS), comma-separated,
    /// e.g. `https://www.ecole.be,https://carte.partenaire.be`. None by default.
    #[arg(long, env = "WAPI_CORS_ORIGINS", value_delimiter = ',')]
    cors_origins: Vec<String>,
    /// Leave out the embedded demo transit feed.
    #[arg(long, env = "WAPI_NO_DEMO_FEED")]
    no_demo_feed: bool,
    /// More GTFS feeds to load at start (zip files or folders), comma-separated.
    #[arg(long, env = "WAPI_GTFS_FEEDS", value_delimiter = ',')]
    gtfs_feeds: Vec<std::path::PathBuf>,
    /// Tile URL template for the map page at `/map`, with Leaflet's placeholders, e.g.
    /// `https://tile.openstreetmap.org/{z}/{x}/{y}.png` (check the tile server's usage policy).
    /// None by default: the page then draws the commune outlines only and loads nothing from
    /// other hosts.
    #[arg(long, env = "WAPI_MAP_TILE_URL")]
    map_tile_url: Option<String>,
    /// Where place searches may be centred, as `minLon,minLat,maxLon,maxLat` (WGS84). Default: the
    /// communes' bounding box plus about 10 km.
    #[arg(long, env = "WAPI_SERVICE_AREA", value_parser = parse_bounding_box)]
    service_area: Option<BoundingBox>,
    /// Largest radius accepted by radius searches, in kilometres.
    #[arg(long, env = "WAPI_MAX_RADIUS_KM", default_value_t = ServiceArea::DEFAULT_MAX_RADIUS_KM)]
    max_radius_km: f64,
    /// GraphQL requests per minute from one client address (0: no limit).
    #[arg(long, env = "WAPI_RATE_LIMIT_PER_IP", default_value_t = 600)]
    rate_limit_per_ip: u32,
    /// GraphQL requests per minute with one API key, unless the key has its own quota (0: no limit).
    #[arg(long, env = "WAPI_RATE_LIMIT_PER_API_KEY", default_value_t = 3000)]
    rate_limit_per_api_key: u32,
    /// Contact requests per hour from one client address (0: no limit).
    #[arg(long, env = "WAPI_CONTACT_LIMIT_PER_IP", default_value_t = 5)]
    contact_limit_per_ip: u32,
    /// Days contact requests (personal data) are kept before the hourly purge deletes them.
    #[arg(long, env = "WAPI_CONTACT_RETENTION_DAYS", default_value_t = 180)]
    contact_retention_days: u32,
    /// The largest equipment spreadsheet accepted by `POST /imports/equipment`, in bytes.
    #[arg(long, env = "WAPI_IMPORT_MAX_BYTES", default_value_t = 10_000_000)]
    import_max_bytes: u64,
    /// SMTP server for forwarded contact requests: `smtp://host:25` (plain),
    /// `smtp://user:password@host:587?tls=required` (STARTTLS) or `smtps://user:password@host:465`.
    /// Without it, mail stays queued in the outbox until one is configured.
    #[arg(long, env = "WAPI_SMTP_URL")]
    smtp_url: Option<String>,
    /// Seconds a client may take to send a request's headers (slow clients are cut off).
    #[arg(long, env = "WAPI_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    header_timeout_secs: u64,
    /// Seconds a client may take to send a request's body.
    #[arg(long, env = "WAPI_BODY_TIMEOUT_SECS", default_value_t = 30)]
    body_timeout_secs: u64,
    /// Open connections at most; a new one over the limit is closed at once.
    #[arg(long, env = "WAPI_MAX_CONNECTIONS", default_value_t = 1024)]
    max_connections: usize,
    /// Seconds a GraphQL request may run before it is stopped (QUERY_TIMEOUT).
    #[arg(long, env = "WAPI_QUERY_TIMEOUT_SECS", default_value_t = 10)]
    query_timeout_secs: u64,
    /// Sender of forwarded contact requests.
    #[arg(
        long,
        env = "WAPI_MAIL_FROM",
        default_value = "Wapi Synergies <no-reply@wapi-synergies.invalid>"
    )]
    mail_from: String,
}

fn parse_bounding_box(raw: &str) -> Result<BoundingBox, String> {
    let numbers: Vec<f64> = raw
        .split(',')
        .map(|n| {
            n.trim()
                .parse::<f64>()
                .map_err(|_| format!("{n:?} is not a number"))
        })
        .collect::<Result<_, _>>()?;
    let [min_lon, min_lat, max_lon, max_lat] = numbers[..] else {
        return Err("expected minLon,minLat,maxLon,maxLat".to_owned());
    };
    BoundingBox::parse(min_lon, min_lat, max_lon, max_lat).map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("WAPI_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        // Logs go to standard error: standard output carries what scripts
        // read, such as the token of `wapi token create`.
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve(args) => serve(args).await,
        Command::Migrate(args) => {
            let store = connect(&args).await?;
            store.migrate().await.context("migrating")?;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Seed(args) => {
            let store = prepare(&args).await?;
            store.close().await.ok();
            Ok(())
        }
        Command::ImportGtfs(args) => {
            let store = connect(&args.database).await?;
            store.migrate().await.context("migrating")?;
            let summary = app::feeds::import(&store, &args.source, args.name).await?;
            println!("{summary}");
            Ok(())
        }
        Command::ImportEquipment(args) => commands::import_equipment(args).await,
        Command::ExportEquipment(args) => commands::export_equipment(args).await,
        Command::User(UserCommand::Create {
            database,
            email,
            name,
            role,
            operators,
        }) => {
            let store = connect(&database).await?;
            store.migrate().await.context("migrating")?;
            let user = commands::NewUserArgs {
                email: &email,
                name: &name,
                role: &role,
                operators: &operators,
            };
            println!("{}", commands::create_user(&store, user).await?);
            Ok(())
        }
        Command::User(UserCommand::Disable { database, email }) => {
            let store = connect(&database).await?;
            commands::done(app::accounts::disable_user(&store, &email).await)?;
            println!("disabled the account and revoked its tokens");
            Ok(())
        }
        Command::Token(TokenCommand::Create {
            database,
            user,
            days,
            label,
        }) => {
            let store = connect(&database).await?;
            let token = app::accounts::create_script_token(&store, &user, days, &label).await;
            println!("{}", commands::done(token)?);
            Ok(())
        }
        Command::Token(TokenCommand::Revoke { database, token }) => {
            let store = connect(&database).await?;
            commands::done(app::accounts::revoke_token(&store, &token).await)?;
            println!("revoked");
            Ok(())
        }
        Command::Apikey(ApiKeyCommand::Create {
            database,
            label,
            requests_per_minute,
        }) => {
            let store = connect(&database).await?;
            store.migrate().await.context("migrating")?;
            let key = app::api_keys::create(&store, &label, requests_per_minute).await;
            println!("{}", commands::done(key)?);
            Ok(())
        }
        Command::Apikey(ApiKeyCommand::Revoke { database, label }) => {
            let store = connect(&database).await?;
            commands::done(app::api_keys::revoke(&store, &label).await)?;
            println!("revoked");
            Ok(())
        }
        Command::Schema => {
            print!("{}", api::sdl());
            Ok(())
        }
    }
}

pub(crate) async fn connect(args: &DatabaseArgs) -> anyhow::Result<Store> {
    let store = Store::connect(&args.database_url).await?;
    tracing::info!(database = %redact_url(&args.database_url), backend = %store.backend(), "connected");
    Ok(store)
}

/// Connects, migrates and seeds what is missing.
async fn prepare(args: &SeedArgs) -> anyhow::Result<Store> {
    let store = connect(&args.database).await?;
    store.migrate().await.context("migrating")?;
    let outcome = store
        .seed(SeedSelection {
            demo: !args.no_demo_data,
        })
        .await
        .context("seeding")?;
    tracing::info!(%outcome, "seed data checked");
    Ok(store)
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let store = prepare(&args.seed).await?;
    let settings = app::Settings {
        service_bounds: args.service_area,
        max_radius_km: Some(args.max_radius_km),
        rate_limits: app::RateLimits {
            graphql_per_ip: app::Rate::per_minute(args.rate_limit_per_ip),
            graphql_per_api_key: app::Rate::per_minute(args.rate_limit_per_api_key),
            contacts_per_ip: app::Rate::per_hour(args.contact_limit_per_ip),
        },
        feeds: app::feeds::FeedConfig {
            demo: !args.no_demo_feed,
            paths: args.gtfs_feeds.clone(),
        },
        import_limits: sheets::ReadLimits {
            max_file_bytes: args.import_max_bytes,
            ..sheets::ReadLimits::default()
        },
        ..app::Settings::default()
    };
    let app = app::App::load_with(store, settings)
        .await
        .context("loading the catalogue")?;
    app.load_timetable().await;
    app.follow_database().await;
    app::retention::spawn(app.store().clone(), args.contact_retention_days);
    match &args.smtp_url {
        Some(smtp_url) => {
            let mailer = mailer::Mailer::new(&mailer::MailerConfig {
                smtp_url: smtp_url.clone(),
                from: args.mail_from.clone(),
            })?;
            mailer::spawn(
                app.store().clone(),
                mailer,
                std::time::Duration::from_secs(10),
            );
        }
        // A start without a mail server is healthy (the demo, a laptop):
        // requests are kept in the outbox until one is configured.
        None => tracing::info!(
            "WAPI_SMTP_URL is not set: forwarded contact requests stay queued in the outbox"
        ),
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, "serving");
    println!(
        "Wapi Synergies is serving GraphQL at http://{address}/graphql (GraphiQL in a browser)"
    );
    let web_settings = web::Settings {
        cors_origins: args.cors_origins,
        map_tile_url: args.map_tile_url,
        connections: web::ConnectionLimits {
            header_read_timeout: std::time::Duration::from_secs(args.header_timeout_secs.max(1)),
            body_read_timeout: std::time::Duration::from_secs(args.body_timeout_secs.max(1)),
            max_connections: args.max_connections.max(1),
        },
        execution: web::ExecutionLimits {
            time_budget: std::time::Duration::from_secs(args.query_timeout_secs.max(1)),
            ..web::ExecutionLimits::default()
        },
    };
    web::serve(listener, app, web_settings, shutdown_signal())
        .await
        .context("serving")?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
