//! CSV output of reports (RFC 4180): for each grid a header line and its rows, grids
//! separated by one empty line. Numbers are exact: shares as fractions, durations in seconds,
//! an empty field where there is no value. A text that a spreadsheet would take for a formula
//! (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return: a person's name, say) gets a
//! leading `'`, so that opening the file never runs anything.

use std::io::{self, Write};

use crate::report::grid::{Cell, Grid};

/// A cell's CSV text: exact numbers; texts defused against formula injection.
fn value(c: &Cell) -> String {
    let text = c.exact();
    match c {
        Cell::Text(t) if t.starts_with(['=', '+', '-', '@', '\t', '\r']) => format!("'{text}"),
        _ => text,
    }
}

/// Quotes a field when it holds a comma, a quote or a line break.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn line(out: &mut dyn Write, fields: impl Iterator<Item = String>) -> io::Result<()> {
    let fields: Vec<String> = fields.map(|f| field(&f)).collect();
    write!(out, "{}\r\n", fields.join(","))
}

/// Writes the grids.
pub fn write(out: &mut dyn Write, grids: &[Grid]) -> io::Result<()> {
    for (i, g) in grids.iter().enumerate() {
        if i > 0 {
            write!(out, "\r\n")?;
        }
        line(out, g.header.iter().map(|h| h.to_ascii_lowercase()))?;
        for row in &g.rows {
            line(out, row.iter().map(value))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_look_like_formulas_are_defused() {
        assert_eq!(value(&Cell::Text("=1+1 <a@b.c>".into())), "'=1+1 <a@b.c>");
        assert_eq!(value(&Cell::Text("@SUM(A1)".into())), "'@SUM(A1)");
        assert_eq!(value(&Cell::Text("Ann".into())), "Ann");
        assert_eq!(value(&Cell::Count(3)), "3");
    }

    #[test]
    fn quotes_what_needs_it_and_prints_exact_numbers() {
        let g = Grid {
            id: "x",
            title: "X".into(),
            header: vec!["NAME".into(), "SHARE".into(), "MEAN".into()],
            rows: vec![vec![
                Cell::Text("Ann \"A\", Jr".into()),
                Cell::Share(Some(0.5)),
                Cell::Seconds(None),
            ]],
        };
        let mut out = Vec::new();
        write(&mut out, &[g.clone(), g]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "name,share,mean\r\n\"Ann \"\"A\"\", Jr\",0.5,\r\n\r\nname,share,mean\r\n\"Ann \"\"A\"\", Jr\",0.5,\r\n"
        );
    }
}
