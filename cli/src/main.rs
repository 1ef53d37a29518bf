//! The `dateline` command.

use clap::{Parser, Subcommand};

/// Turn a corpus of scraped news articles into a timeline, per-document
/// extractions, deduplicated stories or marked-up article structure.
#[derive(Parser)]
#[command(name = "dateline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the story's timeline.
    Timeline,
}

fn main() {
    let cli = Cli::parse();
    match cli.command {
        Command::Timeline => {
            eprintln!("error: not implemented yet");
            std::process::exit(2);
        }
    }
}
