//! A sent request written as a `curl` command for a runbook or a ticket. The
//! token is never in it: the command reads `$VPS_API_TOKEN` from the shell.

/// The shell variable the command expects the token in.
pub const TOKEN_VARIABLE: &str = "VPS_API_TOKEN";

/// Quotes `text` as one bash word: single quotes, each `'` written `'\''`,
/// so `$`, backticks, `\` and newlines stay literal.
pub fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// The request as one `curl` command. `url` must be absolute; the
/// Authorization header alone is in double quotes so the variable expands.
pub fn curl_command(method: &str, url: &str, body: Option<&str>) -> String {
    let mut command = format!(
        "curl -X {} {} -H \"Authorization: Bearer ${TOKEN_VARIABLE}\" -H 'Accept: application/json'",
        shell_quote(method),
        shell_quote(url),
    );
    if let Some(body) = body {
        command.push_str(" -H 'Content-Type: application/json' --data ");
        command.push_str(&shell_quote(body));
    }
    command
}

/// An absolute URL for `url` as it was sent: a bare path is on `origin`.
pub fn absolute_url(origin: &str, url: &str) -> String {
    if url.starts_with('/') {
        format!("{}{url}", origin.trim_end_matches('/'))
    } else {
        url.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `line` through bash's own word splitting (`printf '%s\n'`) and
    /// returns the words, when bash is there (it is on the test machines).
    fn bash_words(line: &str) -> Option<Vec<String>> {
        let script = line.replacen("curl", "printf '%s\\0'", 1);
        let output = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .env(TOKEN_VARIABLE, "t0k")
            .output()
            .ok()?;
        let text = String::from_utf8(output.stdout).ok()?;
        Some(
            text.split('\0')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    #[test]
    fn quotes_hostile_text_as_one_literal_word() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        let hostile = "a'b \"c\" $HOME `id` $(id) \\ \n next line ; rm -rf /";
        let words = bash_words(&format!("curl {}", shell_quote(hostile))).unwrap();
        assert_eq!(words, vec![hostile.to_string()]);
    }

    #[test]
    fn a_create_becomes_a_post_with_its_body_and_the_token_variable() {
        let body = r#"{"server_id":1,"name":"pre-'$(id)'","description":"`x`\n"}"#;
        let line = curl_command(
            "POST",
            "https://admin.vps.org/api/v1/snapshots/",
            Some(body),
        );
        assert!(line.contains("$VPS_API_TOKEN"));
        let words = bash_words(&line).unwrap();
        assert_eq!(
            words,
            [
                "-X",
                "POST",
                "https://admin.vps.org/api/v1/snapshots/",
                "-H",
                "Authorization: Bearer t0k",
                "-H",
                "Accept: application/json",
                "-H",
                "Content-Type: application/json",
                "--data",
                body,
            ]
        );
    }

    #[test]
    fn a_delete_has_no_body() {
        let line = curl_command("DELETE", "https://a.example/api/v1/snapshots/7/", None);
        assert!(!line.contains("--data"));
        assert_eq!(
            bash_words(&line).unwrap()[..3],
            ["-X", "DELETE", "https://a.example/api/v1/snapshots/7/"]
        );
    }

    #[test]
    fn a_bare_path_is_on_the_page_origin() {
        assert_eq!(
            absolute_url("http://127.0.0.1:8080", "/api/v1/snapshots/"),
            "http://127.0.0.1:8080/api/v1/snapshots/"
        );
        assert_eq!(
            absolute_url("http://x", "https://admin.vps.org/a"),
            "https://admin.vps.org/a"
        );
    }
}
