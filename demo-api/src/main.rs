//! `demo-api`: command line and startup. See the library docs for the parts.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use demo_api::state::{Seed, MAX_SNAPSHOTS_PER_SERVER};
use demo_api::{router, serve, AppState, Config};
use tokio::net::TcpListener;

const USAGE: &str = "\
Usage: demo-api [--addr 127.0.0.1:8080] [--dist PATH] [--token TOKEN]
                [--snapshot-delay-ms N] [--restore-delay-ms N] [--page-size N]
                [--latency-ms N] [--servers-forbidden] [--test-mode]
                [--large SERVERS:SNAPSHOTS]

A local imitation of the VPS.org snapshots API with sample data, that also
serves the built web app (--dist, default `dist`) on the same origin.

  --addr ADDR              address to listen on; port 0 picks a free port
  --dist PATH              folder of the built web app
  --token TOKEN            the API token to accept (default demo-token-0123456789abcdef)
  --snapshot-delay-ms N    time a new snapshot stays in_progress (default 20000)
  --restore-delay-ms N     time a server stays restoring (default 30000)
  --page-size N            items per page of the lists (default 100)
  --latency-ms N           added to every API answer, as a network would (default 0)
  --servers-forbidden      the Servers API answers 403, as for a token that may
                           read snapshots but not servers
  --test-mode              enable the /__test/ control routes (for browser tests)
  --large S:N              replace the sample data with S servers and N snapshots
  --frame-ancestors SRCS   who may embed the app in a frame (CSP frame-ancestors; default 'self')";

/// What the command line asked for.
#[derive(Debug)]
struct Cli {
    addr: String,
    config: Config,
}

/// Parses the arguments (without the program name). `Ok(None)` means `--help`.
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Cli>, String> {
    let mut cli = Cli {
        addr: "127.0.0.1:8080".into(),
        config: Config::default(),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.into())),
            _ => (arg, None),
        };
        let mut value = || -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let settings = &mut cli.config.settings;
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--addr" => cli.addr = value()?,
            "--dist" => cli.config.dist = PathBuf::from(value()?),
            "--token" => cli.config.token = value()?,
            "--snapshot-delay-ms" => settings.snapshot_delay = millis(&flag, &value()?)?,
            "--restore-delay-ms" => settings.restore_delay = millis(&flag, &value()?)?,
            "--latency-ms" => settings.latency = millis(&flag, &value()?)?,
            "--page-size" => {
                settings.page_size = number(&flag, &value()?)?;
                if settings.page_size == 0 {
                    return Err("--page-size must be at least 1".into());
                }
            }
            "--servers-forbidden" => settings.servers_forbidden = true,
            "--test-mode" => cli.config.test_mode = true,
            "--frame-ancestors" => cli.config.frame_ancestors = value()?,
            "--large" => cli.config.seed = large(&value()?)?,
            _ => return Err(format!("unknown argument: {flag}")),
        }
    }
    if cli.config.token.trim().is_empty() || cli.config.token.contains(char::is_whitespace) {
        return Err("--token must be non-empty without spaces".into());
    }
    Ok(Some(cli))
}

fn number(flag: &str, value: &str) -> Result<usize, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} expects a whole number, got {value:?}"))
}

fn millis(flag: &str, value: &str) -> Result<Duration, String> {
    Ok(Duration::from_millis(number(flag, value)? as u64))
}

/// `S:N` → S servers and N snapshots, at most 5 per server.
fn large(value: &str) -> Result<Seed, String> {
    let (servers, snapshots) = value
        .split_once(':')
        .ok_or_else(|| format!("--large expects SERVERS:SNAPSHOTS, got {value:?}"))?;
    let servers = number("--large", servers)?;
    let snapshots = number("--large", snapshots)?;
    if servers == 0 || snapshots > servers * MAX_SNAPSHOTS_PER_SERVER {
        return Err(format!(
            "--large needs at least 1 server and at most {MAX_SNAPSHOTS_PER_SERVER} snapshots per server"
        ));
    }
    Ok(Seed::Large { servers, snapshots })
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = match parse_args(std::env::args().skip(1)) {
        Ok(Some(cli)) => cli,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("demo-api: {err}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind(&cli.addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("demo-api: cannot listen on {}: {err}", cli.addr);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(err) => {
            eprintln!("demo-api: {err}");
            return ExitCode::FAILURE;
        }
    };
    let config = cli.config;
    // Tests read the first line to find the port: keep its wording.
    println!("VPS.org demo API listening on http://{addr}");
    println!("Demo API token: {}", config.token);
    if !config.dist.join("index.html").is_file() {
        println!(
            "Warning: {} has no index.html: build the web app first (trunk build --release, or use scripts/run). \
             Serving the API only.",
            config.dist.display()
        );
    }
    if config.test_mode {
        println!("Test mode: /__test/ control routes enabled.");
    }
    let _ = std::io::stdout().flush();

    let keep_alive = !config.test_mode;
    serve(listener, router(AppState::new(config)), keep_alive).await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Result<Option<Cli>, String> {
        parse_args(line.split_whitespace().map(String::from))
    }

    #[test]
    fn defaults() {
        let cli = args("").unwrap().unwrap();
        assert_eq!(cli.addr, "127.0.0.1:8080");
        assert_eq!(cli.config.dist, PathBuf::from("dist"));
        assert_eq!(cli.config.token, "demo-token-0123456789abcdef");
        assert_eq!(cli.config.settings.snapshot_delay, Duration::from_secs(20));
        assert_eq!(cli.config.settings.restore_delay, Duration::from_secs(30));
        assert_eq!(cli.config.settings.page_size, 100);
        assert!(!cli.config.settings.servers_forbidden);
        assert!(!cli.config.test_mode);
        assert_eq!(cli.config.seed, Seed::Demo);
    }

    #[test]
    fn every_flag() {
        let cli = args(
            "--addr 127.0.0.1:0 --dist=web --token t0k --snapshot-delay-ms 5 \
             --restore-delay-ms=6 --page-size 2 --latency-ms 7 --servers-forbidden --test-mode --large 3:15",
        )
        .unwrap()
        .unwrap();
        assert_eq!(cli.addr, "127.0.0.1:0");
        assert_eq!(cli.config.dist, PathBuf::from("web"));
        assert_eq!(cli.config.token, "t0k");
        assert_eq!(cli.config.settings.snapshot_delay, Duration::from_millis(5));
        assert_eq!(cli.config.settings.restore_delay, Duration::from_millis(6));
        assert_eq!(cli.config.settings.latency, Duration::from_millis(7));
        assert_eq!(cli.config.settings.page_size, 2);
        assert!(cli.config.settings.servers_forbidden);
        assert!(cli.config.test_mode);
        assert_eq!(
            cli.config.seed,
            Seed::Large {
                servers: 3,
                snapshots: 15
            }
        );
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(args("--large 3:16").is_err());
        assert!(args("--large 3").is_err());
        assert!(args("--page-size 0").is_err());
        assert!(args("--page-size x").is_err());
        assert!(args("--addr").is_err());
        assert!(args("--bogus").is_err());
        assert!(args("--help").unwrap().is_none());
    }
}
