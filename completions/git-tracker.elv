
use builtin;
use str;

set edit:completion:arg-completer[git-tracker] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'git-tracker'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'git-tracker'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the tracker branch in this repository'
            cand new 'File a new ticket and print its key'
            cand create 'File a new ticket and print its key'
            cand list 'List tickets (in progress by default, newest first)'
            cand ls 'List tickets (in progress by default, newest first)'
            cand show 'Show a ticket: its fields, texts, watchers, comments and transitions'
            cand view 'Show a ticket: its fields, texts, watchers, comments and transitions'
            cand status 'Show what needs you now: your work, tickets to assign, what changed'
            cand query 'Manage your saved queries: save, list, delete'
            cand prefs 'Show or change which changes you want mail about'
            cand notify 'Send waiting mails, list them, or mail about a range of the branch'
            cand state 'Move a ticket to another state'
            cand close 'Close a ticket: move it to RESOLVED (a re-run changes nothing)'
            cand reopen 'Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)'
            cand comment 'Comment on a ticket, or edit or delete a comment'
            cand assign 'Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none)'
            cand watch 'Watch a ticket: yourself, or the person with EMAIL'
            cand unwatch 'Stop watching a ticket: yourself, or the person with EMAIL'
            cand edit 'Change a ticket''s title, description, solution or custom fields'
            cand priority 'Move a ticket in the priority ranking'
            cand raise 'Ask for a ticket''s priority to be raised, or list, accept and refuse such requests'
            cand depend 'Make a ticket depend on another one (it is blocked until the other is finished)'
            cand undepend 'Remove a dependency between two tickets'
            cand label 'Add labels to a ticket or take them away'
            cand attachment 'List or fetch the files attached to a ticket'
            cand log 'Show a ticket''s history: every event, oldest first, with who did it and when'
            cand sync 'Share tickets with a remote: fetch its tracker branch, combine, push'
            cand scan 'Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12'
            cand hooks 'Manage the git hooks that run ''git tracker scan'' after each commit and merge'
            cand config 'Manage the tracker''s configuration (stored on the branch, changes are commits)'
            cand trackers 'List the trackers of this repository and of its remotes'
            cand transfer 'Transfer a ticket up to the parent tracker and print its key there'
            cand dispatch 'Move a ticket down to a sub-tracker with its whole history and print its key there'
            cand verify 'Check the whole tracker branch and its history (exit 3 when problems are found)'
            cand report 'Compute reports from the ticket history: states, people, trend, delays, HTML'
            cand export 'Write the whole tracker as one JSON document'
            cand import 'Add the tickets of an export document (or of GitHub issues) to the tracker'
            cand demo 'Take a guided tour of two clones that file, move and sync tickets'
            cand completions 'Print a shell completion script for `git-tracker` and `git tracker`'
            cand man 'Write the man pages: git-tracker(1) and one page per subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;init'= {
            cand --prefix 'Key prefix: tickets are named PREFIX + number [default: TRK-]'
            cand --name 'The tracker''s name [default: the repository''s directory name]'
            cand --description 'What the tracker is for'
            cand --mode 'Support mode: presets the enabled states and defaults'
            cand --states 'Enabled states, comma-separated (POSTED is required) [default: the mode''s]'
            cand --developers 'Developers'' emails, comma-separated'
            cand --resolvers 'Resolvers'' emails, comma-separated'
            cand --managers 'Managers'' emails, comma-separated'
            cand --default-assignee 'Assignee(s) of new tickets that name none, comma-separated'
            cand --feedback 'Message printed after a ticket is created'
            cand --parent 'The parent tracker tickets are transferred up to: BRANCH (of this repository) or REMOTE:BRANCH (a tracker of another repository, reached as a git remote)'
            cand --subtrackers 'Sub-trackers tickets can be dispatched down to: branches of this repository, comma-separated'
            cand --set 'Set any configuration key, as `config set` does (can be repeated)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --strict 'Strict lifecycle: people may set only the states their roles allow'
            cand --no-comments 'Disallow comments'
            cand --no-notifications 'Turn notifications off'
            cand --auto-open-on-view 'A developer or the assignee viewing a POSTED ticket opens it'
            cand --no-accept-transfers 'Refuse tickets transferred up from other trackers (accepted by default)'
            cand --force 'Create a tracker even though a remote has one (a separate tracker, which cannot be combined with the remote''s)'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;new'= {
            cand -m 'The description'
            cand --message 'The description'
            cand --body-file 'Read the description from FILE (- for standard input)'
            cand --assign 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)'
            cand --assignee 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)'
            cand --watch 'Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)'
            cand --field 'Set a custom field (can be repeated); mandatory fields must be given'
            cand --label 'Add LABEL (can be repeated); labels are written in lower case, and must be among labels.allowed when the tracker restricts them'
            cand --attach 'Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the tracker''s attachments.max_size (default 5 MiB); see `git tracker attachment`'
            cand --if-absent 'File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else print that ticket''s key and change nothing'
            cand --priority 'Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only for the roles of priority_roles; see ''git tracker priority --help'')'
            cand --format 'Output format: the key alone (table), or a JSON object with key, id, provisional and created (false when --if-absent found a ticket)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --sync 'Publish the ticket at once (sync with the default remote) and print its final key'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;create'= {
            cand -m 'The description'
            cand --message 'The description'
            cand --body-file 'Read the description from FILE (- for standard input)'
            cand --assign 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)'
            cand --assignee 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)'
            cand --watch 'Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)'
            cand --field 'Set a custom field (can be repeated); mandatory fields must be given'
            cand --label 'Add LABEL (can be repeated); labels are written in lower case, and must be among labels.allowed when the tracker restricts them'
            cand --attach 'Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the tracker''s attachments.max_size (default 5 MiB); see `git tracker attachment`'
            cand --if-absent 'File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else print that ticket''s key and change nothing'
            cand --priority 'Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only for the roles of priority_roles; see ''git tracker priority --help'')'
            cand --format 'Output format: the key alone (table), or a JSON object with key, id, provisional and created (false when --if-absent found a ticket)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --sync 'Publish the ticket at once (sync with the default remote) and print its final key'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;list'= {
            cand --state 'Only tickets in STATE (can be repeated; overrides --closed and the default)'
            cand --label 'Only tickets with LABEL (can be repeated: all of them)'
            cand --assignee 'Only tickets assigned to EMAIL ("none": unassigned, "@me": you)'
            cand --reporter 'Only tickets reported by EMAIL ("@me": you)'
            cand --watcher 'Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)'
            cand --key 'Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be repeated: any of them)'
            cand --created 'Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)'
            cand --updated 'Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)'
            cand --field 'Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset; can be repeated: all of them)'
            cand -S 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)'
            cand --search 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)'
            cand --query 'A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE, field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words'
            cand --saved 'Run your saved query NAME (git tracker query save), with the other options added'
            cand --sort 'Sort order: key, created (newest first), updated (latest first), state, assignee, priority (the ranking, 1 first; unranked tickets after, by key), or the name of a listable custom field'
            cand --limit 'Show at most N tickets'
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --closed 'Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead'
            cand --all 'Show tickets in every state'
            cand --mine 'Only tickets I reported'
            cand --work 'Only tickets assigned to me'
            cand --watching 'Only tickets I watch'
            cand --contested 'Only tickets with a contested field (changed concurrently in two clones) or on a dependency cycle (made in two clones)'
            cand --blocked 'Only tickets with a dependency still in progress (git tracker depend)'
            cand --blocking 'Only tickets in progress that a ticket in progress depends on'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;ls'= {
            cand --state 'Only tickets in STATE (can be repeated; overrides --closed and the default)'
            cand --label 'Only tickets with LABEL (can be repeated: all of them)'
            cand --assignee 'Only tickets assigned to EMAIL ("none": unassigned, "@me": you)'
            cand --reporter 'Only tickets reported by EMAIL ("@me": you)'
            cand --watcher 'Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)'
            cand --key 'Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be repeated: any of them)'
            cand --created 'Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)'
            cand --updated 'Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)'
            cand --field 'Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset; can be repeated: all of them)'
            cand -S 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)'
            cand --search 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)'
            cand --query 'A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE, field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words'
            cand --saved 'Run your saved query NAME (git tracker query save), with the other options added'
            cand --sort 'Sort order: key, created (newest first), updated (latest first), state, assignee, priority (the ranking, 1 first; unranked tickets after, by key), or the name of a listable custom field'
            cand --limit 'Show at most N tickets'
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --closed 'Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead'
            cand --all 'Show tickets in every state'
            cand --mine 'Only tickets I reported'
            cand --work 'Only tickets assigned to me'
            cand --watching 'Only tickets I watch'
            cand --contested 'Only tickets with a contested field (changed concurrently in two clones) or on a dependency cycle (made in two clones)'
            cand --blocked 'Only tickets with a dependency still in progress (git tracker depend)'
            cand --blocking 'Only tickets in progress that a ticket in progress depends on'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;show'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;view'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;status'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;query'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand save 'Save QUERY under NAME (replacing what NAME held); it is checked first'
            cand list 'List your saved queries'
            cand delete 'Delete your saved query NAME'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;query;save'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;query;list'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;query;delete'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;query;help'= {
            cand save 'Save QUERY under NAME (replacing what NAME held); it is checked first'
            cand list 'List your saved queries'
            cand delete 'Delete your saved query NAME'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;query;help;save'= {
        }
        &'git-tracker;query;help;list'= {
        }
        &'git-tracker;query;help;delete'= {
        }
        &'git-tracker;query;help;help'= {
        }
        &'git-tracker;prefs'= {
            cand --on 'Turn mail about these kinds on (comma-separated, or `all`)'
            cand --off 'Turn mail about these kinds off (comma-separated, or `all`); a kind named by both --on and --off is refused, unless one of them says `all`: then the kinds named one by one win'
            cand --format 'Output format of the preferences printed afterwards'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;notify'= {
            cand --range 'Queue and send the mails for every event the commits OLD..NEW of the tracker branch brought (for a post-receive hook or a CI job); mails already sent are not sent again'
            cand --format 'Output format of --status'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --flush 'Send every waiting mail now'
            cand --status 'List the waiting mails'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;state'= {
            cand -m 'A note recorded with the change'
            cand --message 'A note recorded with the change'
            cand --format 'Output format of the list of states allowed next (without STATE)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --reopen 'Allow leaving a finished state'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;close'= {
            cand -m 'A note recorded with the change'
            cand --message 'A note recorded with the change'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;reopen'= {
            cand -m 'A note recorded with the change'
            cand --message 'A note recorded with the change'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;comment'= {
            cand -m 'The text'
            cand --message 'The text'
            cand --body-file 'Read the text from FILE (- for standard input)'
            cand --attach 'Attach FILE to the comment (can be repeated): stored on the tracker branch, at most the tracker''s attachments.max_size (default 5 MiB); see `git tracker attachment`'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand edit 'Replace the text of one of your comments'
            cand delete 'Delete one of your comments (the history keeps it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;comment;edit'= {
            cand -m 'The text'
            cand --message 'The text'
            cand --body-file 'Read the text from FILE (- for standard input)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;comment;delete'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;comment;help'= {
            cand edit 'Replace the text of one of your comments'
            cand delete 'Delete one of your comments (the history keeps it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;comment;help;edit'= {
        }
        &'git-tracker;comment;help;delete'= {
        }
        &'git-tracker;comment;help;help'= {
        }
        &'git-tracker;assign'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --me 'Assign to yourself'
            cand --none 'Remove the assignee'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;watch'= {
            cand --events 'The kinds of change this watch sends mail about (comma-separated, `all`, or `none`): open, resolving, waiting, testing, published, resolved, abandonned, validated, transfered, comment, assign'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;unwatch'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;edit'= {
            cand --title 'New title'
            cand --body 'New description'
            cand --body-file 'Read the new description from FILE (- for standard input)'
            cand --solution 'New solution text'
            cand --solution-file 'Read the new solution from FILE (- for standard input)'
            cand --field 'Set a custom field (can be repeated; an empty value clears it)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;priority'= {
            cand --before 'Move it just before the ranked ticket KEY'
            cand --after 'Move it just after the ranked ticket KEY'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --top 'Move it to the top: first'
            cand --bottom 'Move it to the bottom: after every ranked ticket'
            cand --up 'Move it one place up'
            cand --down 'Move it one place down'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;raise'= {
            cand -m 'Why it should move up'
            cand --message 'Why it should move up'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --urgent 'An urgent request: accepted, it moves the ticket to the top'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List the requests waiting for a decision (on the tickets you may see)'
            cand accept 'Accept a request: the ticket moves up (urgent: to the top)'
            cand refuse 'Refuse a request, saying why'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;raise;list'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;raise;accept'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;raise;refuse'= {
            cand -m 'Why it is refused'
            cand --message 'Why it is refused'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;raise;help'= {
            cand list 'List the requests waiting for a decision (on the tickets you may see)'
            cand accept 'Accept a request: the ticket moves up (urgent: to the top)'
            cand refuse 'Refuse a request, saying why'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;raise;help;list'= {
        }
        &'git-tracker;raise;help;accept'= {
        }
        &'git-tracker;raise;help;refuse'= {
        }
        &'git-tracker;raise;help;help'= {
        }
        &'git-tracker;depend'= {
            cand --on 'The ticket it depends on (its key or id prefix)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;undepend'= {
            cand --on 'The ticket it should no longer depend on (its key or id prefix)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;label'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;attachment'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List a ticket''s attachments: name, size, who attached them, when, to what'
            cand get 'Write an attachment''s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;attachment;list'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;attachment;get'= {
            cand -o 'Where to write it (- for standard output); an existing FILE is replaced'
            cand --output 'Where to write it (- for standard output); an existing FILE is replaced'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;attachment;help'= {
            cand list 'List a ticket''s attachments: name, size, who attached them, when, to what'
            cand get 'Write an attachment''s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;attachment;help;list'= {
        }
        &'git-tracker;attachment;help;get'= {
        }
        &'git-tracker;attachment;help;help'= {
        }
        &'git-tracker;log'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;sync'= {
            cand --timeout 'Give up after SECONDS: every git command of this sync (ls-remote, fetch, push) must have finished by then [default: git config tracker.syncTimeout, else 120]'
            cand --format 'Output format (json: one document describing what happened)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --accept-deletions 'Take a remote branch that deleted or changed published events (an administrator''s deliberate purge) instead of refusing it'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;scan'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --dry-run 'Say what would be done and write nothing'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;hooks'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand install 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)'
            cand uninstall 'Remove the scan from the hooks, leaving the rest of each hook as it was'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;hooks;install'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;hooks;uninstall'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;hooks;help'= {
            cand install 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)'
            cand uninstall 'Remove the scan from the hooks, leaving the rest of each hook as it was'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;hooks;help;install'= {
        }
        &'git-tracker;hooks;help;uninstall'= {
        }
        &'git-tracker;hooks;help;help'= {
        }
        &'git-tracker;config'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Print every key and its value'
            cand get 'Print one key''s value'
            cand set 'Set one key (validated first; an invalid value writes nothing)'
            cand edit 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;config;show'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;config;get'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;config;set'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;config;edit'= {
            cand --file 'Use FILE as the new tracker.toml instead of opening an editor (- for standard input)'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;config;help'= {
            cand show 'Print every key and its value'
            cand get 'Print one key''s value'
            cand set 'Set one key (validated first; an invalid value writes nothing)'
            cand edit 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;config;help;show'= {
        }
        &'git-tracker;config;help;get'= {
        }
        &'git-tracker;config;help;set'= {
        }
        &'git-tracker;config;help;edit'= {
        }
        &'git-tracker;config;help;help'= {
        }
        &'git-tracker;trackers'= {
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;transfer'= {
            cand -m 'Why it goes up: the message of its move to TRANSFERED, and a comment on the copy'
            cand --message 'Why it goes up: the message of its move to TRANSFERED, and a comment on the copy'
            cand --timeout 'Give up after SECONDS when the parent is in another repository [default: git config tracker.syncTimeout, else 120]'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;dispatch'= {
            cand --to 'The sub-tracker (its branch)'
            cand -m 'Why: the message of its move to TRANSFERED here'
            cand --message 'Why: the message of its move to TRANSFERED here'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;verify'= {
            cand --rev 'Check the history ending at REV (a commit id or any revision) instead of the tracker branch''s tip, e.g. a commit being pushed, from a pre-receive hook'
            cand --format 'Output format'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;report'= {
            cand --since 'Start of the window: a date (YYYY-MM-DD, midnight in --tz) or an RFC 3339 time [default: the start of the first ticket''s period; tickets dated before the tracker branch''s first commit are then left out, with a warning]'
            cand --until 'End of the window: a date (that whole day is included) or an RFC 3339 time (excluded) [default: the end of the current second]'
            cand --by 'Length of the trend''s periods (weeks start on Monday)'
            cand --tz 'Time zone periods and dates are cut in: UTC, a fixed offset such as +02:00, or a zone name such as Europe/Paris (with its daylight saving time)'
            cand --state 'Only tickets in STATE at the end of the window (can be repeated)'
            cand --assignee 'Only tickets assigned to EMAIL at the end of the window ("none": unassigned, "@me": you)'
            cand --reporter 'Only tickets reported by EMAIL ("@me": you)'
            cand --field 'Only tickets whose custom field NAME is VALUE at the end of the window ("NAME=": unset) (can be repeated)'
            cand --format 'Output format (html is a self-contained page)'
            cand -o 'Write the report to FILE instead of standard output'
            cand --output 'Write the report to FILE instead of standard output'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --include-subtrackers 'Count the tickets of the sub-trackers too (tracker.toml''s subtrackers, theirs, and so on: the whole tree below this tracker, each tracker once)'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;export'= {
            cand -o 'Write the document to FILE (replaced whole, only once it is complete) instead of standard output'
            cand --output 'Write the document to FILE (replaced whole, only once it is complete) instead of standard output'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;import'= {
            cand --from 'What wrote FILE: git tracker export, or gh issue list --json'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;demo'= {
            cand --dir 'Where to create the scratch repositories [default: a new directory under the system''s temporary directory]'
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;completions'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;man'= {
            cand -C 'Run as if started in DIR (like git -C)'
            cand --color 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never'
            cand --tracker 'Use the tracker on branch NAME (a repository may hold several; ''git tracker trackers'' lists them) [default: git config tracker.branch, else tracker]'
            cand --install 'Install the pages where man and `git tracker --help` find them'
            cand -q 'Print no status messages (warnings and errors still go to stderr)'
            cand --quiet 'Print no status messages (warnings and errors still go to stderr)'
            cand -v 'Say more about what happened, e.g. why a change sent no mail'
            cand --verbose 'Say more about what happened, e.g. why a change sent no mail'
            cand --no-pager 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
            cand --utc 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'git-tracker;help'= {
            cand init 'Create the tracker branch in this repository'
            cand new 'File a new ticket and print its key'
            cand list 'List tickets (in progress by default, newest first)'
            cand show 'Show a ticket: its fields, texts, watchers, comments and transitions'
            cand status 'Show what needs you now: your work, tickets to assign, what changed'
            cand query 'Manage your saved queries: save, list, delete'
            cand prefs 'Show or change which changes you want mail about'
            cand notify 'Send waiting mails, list them, or mail about a range of the branch'
            cand state 'Move a ticket to another state'
            cand close 'Close a ticket: move it to RESOLVED (a re-run changes nothing)'
            cand reopen 'Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)'
            cand comment 'Comment on a ticket, or edit or delete a comment'
            cand assign 'Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none)'
            cand watch 'Watch a ticket: yourself, or the person with EMAIL'
            cand unwatch 'Stop watching a ticket: yourself, or the person with EMAIL'
            cand edit 'Change a ticket''s title, description, solution or custom fields'
            cand priority 'Move a ticket in the priority ranking'
            cand raise 'Ask for a ticket''s priority to be raised, or list, accept and refuse such requests'
            cand depend 'Make a ticket depend on another one (it is blocked until the other is finished)'
            cand undepend 'Remove a dependency between two tickets'
            cand label 'Add labels to a ticket or take them away'
            cand attachment 'List or fetch the files attached to a ticket'
            cand log 'Show a ticket''s history: every event, oldest first, with who did it and when'
            cand sync 'Share tickets with a remote: fetch its tracker branch, combine, push'
            cand scan 'Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12'
            cand hooks 'Manage the git hooks that run ''git tracker scan'' after each commit and merge'
            cand config 'Manage the tracker''s configuration (stored on the branch, changes are commits)'
            cand trackers 'List the trackers of this repository and of its remotes'
            cand transfer 'Transfer a ticket up to the parent tracker and print its key there'
            cand dispatch 'Move a ticket down to a sub-tracker with its whole history and print its key there'
            cand verify 'Check the whole tracker branch and its history (exit 3 when problems are found)'
            cand report 'Compute reports from the ticket history: states, people, trend, delays, HTML'
            cand export 'Write the whole tracker as one JSON document'
            cand import 'Add the tickets of an export document (or of GitHub issues) to the tracker'
            cand demo 'Take a guided tour of two clones that file, move and sync tickets'
            cand completions 'Print a shell completion script for `git-tracker` and `git tracker`'
            cand man 'Write the man pages: git-tracker(1) and one page per subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'git-tracker;help;init'= {
        }
        &'git-tracker;help;new'= {
        }
        &'git-tracker;help;list'= {
        }
        &'git-tracker;help;show'= {
        }
        &'git-tracker;help;status'= {
        }
        &'git-tracker;help;query'= {
            cand save 'Save QUERY under NAME (replacing what NAME held); it is checked first'
            cand list 'List your saved queries'
            cand delete 'Delete your saved query NAME'
        }
        &'git-tracker;help;query;save'= {
        }
        &'git-tracker;help;query;list'= {
        }
        &'git-tracker;help;query;delete'= {
        }
        &'git-tracker;help;prefs'= {
        }
        &'git-tracker;help;notify'= {
        }
        &'git-tracker;help;state'= {
        }
        &'git-tracker;help;close'= {
        }
        &'git-tracker;help;reopen'= {
        }
        &'git-tracker;help;comment'= {
            cand edit 'Replace the text of one of your comments'
            cand delete 'Delete one of your comments (the history keeps it)'
        }
        &'git-tracker;help;comment;edit'= {
        }
        &'git-tracker;help;comment;delete'= {
        }
        &'git-tracker;help;assign'= {
        }
        &'git-tracker;help;watch'= {
        }
        &'git-tracker;help;unwatch'= {
        }
        &'git-tracker;help;edit'= {
        }
        &'git-tracker;help;priority'= {
        }
        &'git-tracker;help;raise'= {
            cand list 'List the requests waiting for a decision (on the tickets you may see)'
            cand accept 'Accept a request: the ticket moves up (urgent: to the top)'
            cand refuse 'Refuse a request, saying why'
        }
        &'git-tracker;help;raise;list'= {
        }
        &'git-tracker;help;raise;accept'= {
        }
        &'git-tracker;help;raise;refuse'= {
        }
        &'git-tracker;help;depend'= {
        }
        &'git-tracker;help;undepend'= {
        }
        &'git-tracker;help;label'= {
        }
        &'git-tracker;help;attachment'= {
            cand list 'List a ticket''s attachments: name, size, who attached them, when, to what'
            cand get 'Write an attachment''s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first'
        }
        &'git-tracker;help;attachment;list'= {
        }
        &'git-tracker;help;attachment;get'= {
        }
        &'git-tracker;help;log'= {
        }
        &'git-tracker;help;sync'= {
        }
        &'git-tracker;help;scan'= {
        }
        &'git-tracker;help;hooks'= {
            cand install 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)'
            cand uninstall 'Remove the scan from the hooks, leaving the rest of each hook as it was'
        }
        &'git-tracker;help;hooks;install'= {
        }
        &'git-tracker;help;hooks;uninstall'= {
        }
        &'git-tracker;help;config'= {
            cand show 'Print every key and its value'
            cand get 'Print one key''s value'
            cand set 'Set one key (validated first; an invalid value writes nothing)'
            cand edit 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read'
        }
        &'git-tracker;help;config;show'= {
        }
        &'git-tracker;help;config;get'= {
        }
        &'git-tracker;help;config;set'= {
        }
        &'git-tracker;help;config;edit'= {
        }
        &'git-tracker;help;trackers'= {
        }
        &'git-tracker;help;transfer'= {
        }
        &'git-tracker;help;dispatch'= {
        }
        &'git-tracker;help;verify'= {
        }
        &'git-tracker;help;report'= {
        }
        &'git-tracker;help;export'= {
        }
        &'git-tracker;help;import'= {
        }
        &'git-tracker;help;demo'= {
        }
        &'git-tracker;help;completions'= {
        }
        &'git-tracker;help;man'= {
        }
        &'git-tracker;help;help'= {
        }
    ]
    $completions[$command]
}
