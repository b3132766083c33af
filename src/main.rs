use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    jobs::allocator::keep_freed_memory();
    let cli = dermis::cli::Cli::parse();
    let json = std::env::var("DERMIS_LOG_FORMAT").is_ok_and(|f| f == "json");
    dermis::telemetry::init(json);
    match dermis::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
