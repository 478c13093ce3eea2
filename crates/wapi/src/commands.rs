//! What the administration commands need beyond the use cases they call:
//! reading a password without putting it on the command line, and turning
//! a refusal into a message for the person at the terminal.

use std::io::BufRead;

use anyhow::Context;
use app::AppError;
use domain::account::Password;

/// Turns a refused use case into an error naming the flag at fault.
pub(crate) fn done<T>(result: Result<T, AppError>) -> anyhow::Result<T> {
    result.map_err(|error| match error {
        AppError::BadInput { field, message } => anyhow::anyhow!("{}: {message}", flag(&field)),
        AppError::Internal(source) => anyhow::anyhow!(source),
        other => anyhow::anyhow!(other.message()),
    })
}

/// The command-line flag a field of a use case comes from.
fn flag(field: &str) -> String {
    let base = field.split('[').next().unwrap_or(field);
    let flag = match base {
        "displayName" => "name",
        "requestsPerMinute" => "requests-per-minute",
        other => other,
    };
    format!("--{flag}")
}

/// Reads the password: `WAPI_PASSWORD`, else the first line of standard input.
fn read_password() -> anyhow::Result<Password> {
    let raw = match std::env::var("WAPI_PASSWORD") {
        Ok(password) => password,
        Err(_) => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    Password::parse(&raw).map_err(|e| anyhow::anyhow!("password: {e}"))
}

/// `wapi user create`'s flags.
#[derive(Debug)]
pub(crate) struct NewUserArgs<'a> {
    pub(crate) email: &'a str,
    pub(crate) name: &'a str,
    pub(crate) role: &'a str,
    pub(crate) operators: &'a [String],
}

/// Creates an account with the rules partners' invitations follow; returns
/// a line for the person running the script.
pub(crate) async fn create_user(
    store: &storage::Store,
    args: NewUserArgs<'_>,
) -> anyhow::Result<String> {
    let password = read_password()?;
    let account = done(
        app::accounts::create_user(
            store,
            app::accounts::NewUser {
                email: args.email,
                display_name: args.name,
                role: args.role,
                operators: args.operators,
                password,
            },
        )
        .await,
    )?;
    Ok(format!(
        "created {} account #{}",
        account.role, account.id.0
    ))
}

/// `wapi import-equipment`: reads the file, imports it (or not, with
/// `--dry-run` or when a row is wrong) and prints the report; fails when
/// nothing could be written.
pub(crate) async fn import_equipment(args: crate::ImportEquipmentArgs) -> anyhow::Result<()> {
    use app::equipment::import::{ImportProblem, ImportRequest};
    let bytes = read_bounded(&args.file, args.max_bytes)?;
    let store = crate::connect(&args.database).await?;
    store.migrate().await.context("migrating")?;
    let settings = app::Settings {
        import_limits: sheets::ReadLimits {
            max_file_bytes: args.max_bytes,
            ..sheets::ReadLimits::default()
        },
        ..app::Settings::default()
    };
    let app = app::App::load_with(store, settings)
        .await
        .context("loading the catalogue")?;
    let request = ImportRequest {
        operator: domain::operator::OperatorId(0),
        site: args.site,
        sheet: args.sheet,
        file_name: args
            .file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned()),
        bytes,
        dry_run: args.dry_run,
    };
    let report = done(
        app::equipment::import::import_equipment_from_command_line(&app, &args.operator, request)
            .await,
    )?;
    let line = |p: &ImportProblem| {
        let place = match &p.sheet {
            Some(sheet) => format!("sheet '{sheet}', row {}", p.row),
            None => format!("line {}", p.row),
        };
        let letters = p
            .column_letters
            .as_deref()
            .map(|l| format!(" ({l})"))
            .unwrap_or_default();
        let found = p
            .found
            .as_deref()
            .map(|f| format!(" — found '{f}'"))
            .unwrap_or_default();
        let expected = p
            .expected
            .as_deref()
            .map(|e| format!(" — expected {e}"))
            .unwrap_or_default();
        format!(
            "{place}, column '{}'{letters}: {}{found}{expected}",
            p.column, p.message
        )
    };
    println!(
        "{}: header on row {}, {} rows read",
        report.sheet, report.header_row, report.rows
    );
    for ignored in &report.ignored_columns {
        println!("column {ignored} is not read");
    }
    for note in &report.notes {
        println!("note: {}", line(note));
    }
    for problem in &report.problems {
        println!("problem: {}", line(problem));
    }
    let counts = format!(
        "{} created, {} updated, {} unchanged, {} retired, {} restored",
        report.created, report.updated, report.unchanged, report.retired, report.restored
    );
    if !report.problems.is_empty() {
        anyhow::bail!(
            "{} problem(s): nothing was imported (it would have been {counts})",
            report.problems.len()
        );
    }
    if report.dry_run {
        println!("dry run, nothing written: it would be {counts}");
    } else {
        println!("imported: {counts}");
    }
    Ok(())
}

/// Reads a file, refusing one larger than `max_bytes` before reading it.
fn read_bounded(path: &std::path::Path, max_bytes: u64) -> anyhow::Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("reading {}", path.display()))?
        .len();
    if size > max_bytes {
        anyhow::bail!(
            "{} weighs {size} bytes, more than the {max_bytes} accepted (--max-bytes)",
            path.display()
        );
    }
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// `wapi export-equipment`: an operator's inventory, active items, every column.
pub(crate) async fn export_equipment(args: crate::ExportEquipmentArgs) -> anyhow::Result<()> {
    use app::equipment::export::ExportFormat;
    let format = match args.output.extension().and_then(|e| e.to_str()) {
        Some("xlsx") => ExportFormat::Xlsx,
        Some("csv") => ExportFormat::Csv,
        _ => anyhow::bail!("the output file must end in .xlsx or .csv"),
    };
    let store = crate::connect(&args.database).await?;
    store.migrate().await.context("migrating")?;
    let code = domain::codes::OperatorCode::parse(&args.operator)
        .map_err(|e| anyhow::anyhow!("--operator: {e}"))?;
    let operator = store
        .operator_id_by_code(&code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("--operator: no operator has this code"))?;
    let catalog = store
        .load_catalog()
        .await
        .context("loading the catalogue")?;
    let bytes = done(app::equipment::export::inventory_of(
        &catalog, operator, format,
    ))?;
    std::fs::write(&args.output, bytes)
        .with_context(|| format!("writing {}", args.output.display()))?;
    println!("inventory written to {}", args.output.display());
    Ok(())
}
