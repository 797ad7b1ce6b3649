//! `dossier fetch` against a small HTTP server on 127.0.0.1 run inside the test (never
//! the internet): saved files and their names, the manifest it writes, and one line per
//! address that fails (a status, a time-out, not HTML, too large, too many redirects).

#[macro_use]
mod util;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};
use util::*;

/// A page of invented news, with a title and two paragraphs.
fn page(title: &str) -> String {
    format!(
        "<!doctype html><html><head><title>{title}</title>\
         <meta property=\"og:site_name\" content=\"Valley Courier\"></head><body><article>\
         <h1>{title}</h1>\
         <p>The council voted on Tuesday to rebuild the river bridge before the winter \
         floods, after engineers found cracks in two of its piers.</p>\
         <p>\"We cannot wait another year,\" said Mayor Lena Ortiz, who proposed the plan. \
         Work is to begin in March and cost 4 million euros.</p>\
         </article></body></html>"
    )
}

/// The server's answer for a path: status line, headers and body.
fn respond(path: &str, stream: &mut TcpStream) {
    let ok_html = |body: &[u8], ctype: &str| -> Vec<u8> {
        let mut r = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r
    };
    let redirect = |to: &str| {
        format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .into_bytes()
    };
    let answer: Vec<u8> = match path {
        "/news/storm-toll" => ok_html(
            page("Storm toll rises").as_bytes(),
            "text/html; charset=utf-8",
        ),
        "/old/storm" => redirect("/hop/storm"),
        "/hop/storm" => redirect("/news/storm-toll"),
        "/missing" => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            ok_html(page("Late").as_bytes(), "text/html")
        }
        "/big-unsized" => {
            // No Content-Length: the limit has to stop the read itself.
            let mut r =
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n".to_vec();
            r.extend_from_slice(page(&"big ".repeat(2000)).as_bytes());
            r
        }
        "/to-file" => redirect("file:///etc/passwd"),
        "/data.json" => ok_html(b"{\"a\": 1}", "application/json"),
        "/big" => ok_html(page(&"big ".repeat(2000)).as_bytes(), "text/html"),
        "/cafe" => {
            // Windows-1252 named only by the server, not by the page.
            let mut body = b"<html><head><title>Caf\xe9 reopens</title></head><body><article>\
                <p>\x93The caf\xe9 will stay open all winter,\x94 the owner said on Tuesday, \
                after the council agreed to keep the square free of traffic.</p>\
                <p>Regulars came back within a week, and the terrace was full by noon.</p>\
                </article></body></html>"
                .to_vec();
            body.truncate(body.len());
            ok_html(&body, "text/html; charset=windows-1252")
        }
        "/hostile" => ok_html(
            page("Bridge \x1b]0;PWNED\x07\x1b[2J vote").as_bytes(),
            "text/html",
        ),
        p if p.starts_with("/loop/") => {
            let n: u32 = p[6..].parse().unwrap_or(0);
            redirect(&format!("/loop/{}", n + 1))
        }
        _ => {
            b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_vec()
        }
    };
    let _ = stream.write_all(&answer);
}

/// Serve on a free port of 127.0.0.1 for the rest of the test process; its base address.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    return;
                }
                // Read the headers through to the blank line.
                let mut h = String::new();
                while reader.read_line(&mut h).is_ok_and(|n| n > 2) {
                    h.clear();
                }
                let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
                respond(&path, &mut stream);
            });
        }
    });
    format!("http://{addr}")
}

/// Run `dossier fetch` with arguments; status, stdout, stderr.
#[track_caller]
fn fetch(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["fetch"];
    all.extend_from_slice(args);
    let out = run(&all);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A page and a redirected address are saved under names from host and path, in the
/// order given; the manifest records the final address and the fetch time, keeps a
/// comment that was there, and the loader reads it without a warning.
#[test]
fn pages_saved_and_recorded() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("storm");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("dossier.toml"),
        "# my storm dossier\ntitle = \"Storm\"\n",
    )
    .unwrap();
    let (code, out, err) = fetch(&[
        s(&dir),
        &format!("{base}/news/storm-toll"),
        &format!("{base}/old/storm"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        files(&dir),
        [
            "01_127-0-0-1_storm-toll.html",
            "02_127-0-0-1_storm.html",
            "dossier.toml"
        ]
    );
    assert!(
        out.contains("01_127-0-0-1_storm-toll.html  Storm toll rises"),
        "{out}"
    );
    let manifest = std::fs::read_to_string(dir.join("dossier.toml")).unwrap();
    assert!(
        manifest.starts_with("# my storm dossier\ntitle = \"Storm\"\n"),
        "{manifest}"
    );
    assert!(
        manifest.contains(&format!("[articles.\"02_127-0-0-1_storm.html\"]\nurl = \"{base}/news/storm-toll\"\nfetched = \"")),
        "the redirect's end is recorded: {manifest}"
    );
    let out = run(&["sources", s(&dir), "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "no warning: {stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["url"], format!("{base}/news/storm-toll"));
    assert_eq!(v[0]["outlet"], "Valley Courier");
    assert_eq!(v[0]["title"], "Storm toll rises");
}

/// A 404, a non-HTML content type, a body over --max-bytes (announced or not), a
/// redirect loop, a redirect to a local file and an ftp address each get one line
/// saying why, the good page is still saved, and the status is 1.
#[test]
fn each_failure_gets_one_line() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("d");
    let (code, _, err) = fetch(&[
        s(&dir),
        "--max-bytes",
        "4000",
        &format!("{base}/missing"),
        &format!("{base}/data.json"),
        &format!("{base}/big"),
        &format!("{base}/big-unsized"),
        &format!("{base}/loop/0"),
        &format!("{base}/to-file"),
        "ftp://files.example/a.html",
        &format!("{base}/news/storm-toll"),
    ]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("failed: ")).collect();
    assert_eq!(lines.len(), 7, "{err}");
    for (path, why) in [
        ("/missing", "HTTP 404 Not Found"),
        ("/data.json", "not HTML (the server sent application/json)"),
        ("/big", "too large (over 4000 bytes"),
        ("/big-unsized", "too large (over 4000 bytes"),
        ("/to-file", ""),
        ("/loop/0", "more than 10 redirects"),
        ("ftp://files.example", "not an http(s) address"),
    ] {
        assert!(
            lines.iter().any(|l| l.contains(path) && l.contains(why)),
            "{path}: {why}\n{err}"
        );
    }
    assert!(err.contains("fetched 1 of 8 pages"), "{err}");
    assert_eq!(files(&dir).len(), 2, "the good page and the manifest");
}

/// A server that does not answer within --timeout 1 fails with a time-out line in
/// well under the four seconds it would take.
#[test]
fn slow_server_times_out() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let (code, _, err) = fetch(&[s(tmp.path()), "--timeout", "1", &format!("{base}/slow")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("timed out after 1 s"), "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
}

/// A page the server sends as Windows-1252 reads right once saved.
#[test]
fn windows_1252_page_reads_right() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let (code, out, err) = fetch(&[s(tmp.path()), &format!("{base}/cafe")]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Caf\u{e9} reopens"), "{out}");
    let v = json(&["read", s(tmp.path()), "1"]);
    let text = v["paragraphs"].to_string();
    assert!(
        text.contains("\u{201c}The caf\u{e9} will stay open"),
        "{text}"
    );
}

/// An escape sequence in a page's title never reaches the terminal: not in fetch's
/// output, not in its messages.
#[test]
fn escape_in_title_stays_off_the_terminal() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&["fetch", s(tmp.path()), &format!("{base}/hostile")]);
    assert_eq!(out.status.code(), Some(0));
    for stream in [&out.stdout, &out.stderr] {
        assert!(
            !stream.contains(&0x1b) && !stream.contains(&0x07),
            "{:?}",
            String::from_utf8_lossy(stream)
        );
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains("Bridge"));
}

/// Fetching an address again is refused while its file exists, leaving it as it was;
/// --force fetches it again.
#[test]
fn refetch_needs_force() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let url = format!("{base}/news/storm-toll");
    assert_eq!(fetch(&[s(tmp.path()), &url]).0, 0);
    let file = tmp.path().join("01_127-0-0-1_storm-toll.html");
    std::fs::write(&file, "mine").unwrap();
    let (code, _, err) = fetch(&[s(tmp.path()), &url]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("01_127-0-0-1_storm-toll.html exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    let (code, _, err) = fetch(&[s(tmp.path()), "--force", &url]);
    assert_eq!(code, 0, "{err}");
    assert_ne!(std::fs::read_to_string(&file).unwrap(), "mine");
    assert_eq!(files(tmp.path()).len(), 2, "no second copy");
}

/// Usage errors exit 2: no address, the address where the folder goes, a bad timeout.
#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(fetch(&[s(tmp.path())]).0, 2);
    assert_eq!(fetch(&["https://x.example/a", "https://x.example/b"]).0, 2);
    assert_eq!(
        fetch(&[s(tmp.path()), "--timeout", "0", "https://x.example/a"]).0,
        2
    );
}

/// Addresses come from --from too, comments and blank lines skipped.
#[test]
fn addresses_from_a_file() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("links.txt");
    std::fs::write(&list, format!("# storm links\n\n{base}/news/storm-toll\n")).unwrap();
    let dir = tmp.path().join("d");
    let (code, _, err) = fetch(&[s(&dir), "--from", s(&list)]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.join("01_127-0-0-1_storm-toll.html").exists());
}

/// On a terminal the progress bar is drawn on stderr and cleared when done: the screen
/// keeps the saved page's line, the failure's line and the summary, and no bar.
#[test]
fn terminal_keeps_lines_not_the_bar() {
    need_tmux!();
    let base = serve();
    let ok = format!("{base}/news/storm-toll");
    let slow = format!("{base}/slow");
    let t = util::tmux::Tmux::start(
        &["fetch", "d", "--timeout", "1", &ok, &slow],
        100,
        20,
        "fetched 1 of 2 pages",
    );
    assert_eq!(t.wait_exit(), 1);
    let screen = t.screen();
    assert!(
        screen.contains("01_127-0-0-1_storm-toll.html  Storm toll rises"),
        "{screen}"
    );
    assert!(
        screen.contains("failed: ") && screen.contains("timed out after 1 s"),
        "{screen}"
    );
    assert!(
        !screen.contains('█') && !screen.contains('░') && !screen.contains("2/2"),
        "a bar left behind:\n{screen}"
    );
    assert!(t.dir().join("d/01_127-0-0-1_storm-toll.html").exists());
}

/// A manifest that does not parse stops the run before any download (status 2), and is
/// left as it was.
#[test]
fn broken_manifest_stops_before_downloading() {
    let base = serve();
    let tmp = tempfile::tempdir().unwrap();
    let broken = "title = \"Storm\"\n[articles\n";
    std::fs::write(tmp.path().join("dossier.toml"), broken).unwrap();
    let (code, _, err) = fetch(&[s(tmp.path()), &format!("{base}/news/storm-toll")]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("dossier.toml") && err.contains("not valid TOML"),
        "{err}"
    );
    assert_eq!(files(tmp.path()), ["dossier.toml"]);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("dossier.toml")).unwrap(),
        broken
    );
}
