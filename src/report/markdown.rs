//! Markdown output of reports: a heading and a pipe table per grid, numbers as people read
//! them (the same cells as the terminal table).

use std::io::{self, Write};

use crate::report::grid::Grid;

/// Escapes what would break a table cell or start markup.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes the grids under a level-1 title.
pub fn write(out: &mut dyn Write, title: &str, grids: &[Grid]) -> io::Result<()> {
    writeln!(out, "# {}", cell(title))?;
    for g in grids {
        writeln!(out, "\n## {}\n", cell(&g.title))?;
        let header: Vec<String> = g.header.iter().map(|h| cell(h)).collect();
        writeln!(out, "| {} |", header.join(" | "))?;
        let align: Vec<&str> = (0..g.header.len())
            .map(|i| {
                let numeric = g
                    .rows
                    .iter()
                    .any(|r| r.get(i).is_some_and(|c| c.is_numeric()));
                if numeric {
                    "---:"
                } else {
                    "---"
                }
            })
            .collect();
        writeln!(out, "| {} |", align.join(" | "))?;
        for row in &g.rows {
            let cells: Vec<String> = row.iter().map(|c| cell(&c.human())).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        if g.rows.is_empty() {
            writeln!(out, "\n(none)")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::grid::Cell;

    #[test]
    fn tables_escape_pipes_and_align_numbers() {
        let g = Grid {
            id: "x",
            title: "Per person".into(),
            header: vec!["WHO".into(), "N".into()],
            rows: vec![vec![Cell::Text("A|B <a@b>".into()), Cell::Count(3)]],
        };
        let mut out = Vec::new();
        write(&mut out, "Report", &[g]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "# Report\n\n## Per person\n\n| WHO | N |\n| --- | ---: |\n| A\\|B \\<a@b\\> | 3 |\n"
        );
    }
}
