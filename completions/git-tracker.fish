# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_git_tracker_global_optspecs
    string join \n C= q/quiet v/verbose color= no-pager utc tracker= h/help V/version
end

function __fish_git_tracker_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_git_tracker_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_git_tracker_using_subcommand
    set -l cmd (__fish_git_tracker_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c git-tracker -n "__fish_git_tracker_needs_command" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_needs_command" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_needs_command" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_needs_command" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -s V -l version -d 'Print version'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "init" -d 'Create the tracker branch in this repository'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "new" -d 'File a new ticket and print its key'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "create" -d 'File a new ticket and print its key'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "list" -d 'List tickets (in progress by default, newest first)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "ls" -d 'List tickets (in progress by default, newest first)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "show" -d 'Show a ticket: its fields, texts, watchers, comments and transitions'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "view" -d 'Show a ticket: its fields, texts, watchers, comments and transitions'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "status" -d 'Show what needs you now: your work, tickets to assign, what changed'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "query" -d 'Manage your saved queries: save, list, delete'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "prefs" -d 'Show or change which changes you want mail about'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "notify" -d 'Send waiting mails, list them, or mail about a range of the branch'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "state" -d 'Move a ticket to another state'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "close" -d 'Close a ticket: move it to RESOLVED (a re-run changes nothing)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "reopen" -d 'Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "comment" -d 'Comment on a ticket, or edit or delete a comment'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "assign" -d 'Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "watch" -d 'Watch a ticket: yourself, or the person with EMAIL'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "unwatch" -d 'Stop watching a ticket: yourself, or the person with EMAIL'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "edit" -d 'Change a ticket\'s title, description, solution or custom fields'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "priority" -d 'Move a ticket in the priority ranking'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "raise" -d 'Ask for a ticket\'s priority to be raised, or list, accept and refuse such requests'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "depend" -d 'Make a ticket depend on another one (it is blocked until the other is finished)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "undepend" -d 'Remove a dependency between two tickets'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "label" -d 'Add labels to a ticket or take them away'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "attachment" -d 'List or fetch the files attached to a ticket'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "log" -d 'Show a ticket\'s history: every event, oldest first, with who did it and when'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "sync" -d 'Share tickets with a remote: fetch its tracker branch, combine, push'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "scan" -d 'Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "hooks" -d 'Manage the git hooks that run \'git tracker scan\' after each commit and merge'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "config" -d 'Manage the tracker\'s configuration (stored on the branch, changes are commits)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "trackers" -d 'List the trackers of this repository and of its remotes'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "transfer" -d 'Transfer a ticket up to the parent tracker and print its key there'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "dispatch" -d 'Move a ticket down to a sub-tracker with its whole history and print its key there'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "verify" -d 'Check the whole tracker branch and its history (exit 3 when problems are found)'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "report" -d 'Compute reports from the ticket history: states, people, trend, delays, HTML'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "export" -d 'Write the whole tracker as one JSON document'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "import" -d 'Add the tickets of an export document (or of GitHub issues) to the tracker'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "demo" -d 'Take a guided tour of two clones that file, move and sync tickets'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "completions" -d 'Print a shell completion script for `git-tracker` and `git tracker`'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "man" -d 'Write the man pages: git-tracker(1) and one page per subcommand'
complete -c git-tracker -n "__fish_git_tracker_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l prefix -d 'Key prefix: tickets are named PREFIX + number [default: TRK-]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l name -d 'The tracker\'s name [default: the repository\'s directory name]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l description -d 'What the tracker is for' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l mode -d 'Support mode: presets the enabled states and defaults' -r -f -a "defects\t'Defect tracker: all states; everyone sees and acts on every ticket'
support\t'User support: reporters see the tickets they reported; responders see all'
tasks\t'Task distribution: assignees see their work; no default assignee'
custom\t'Whatever is configured'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l states -d 'Enabled states, comma-separated (POSTED is required) [default: the mode\'s]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l developers -d 'Developers\' emails, comma-separated' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l resolvers -d 'Resolvers\' emails, comma-separated' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l managers -d 'Managers\' emails, comma-separated' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l default-assignee -d 'Assignee(s) of new tickets that name none, comma-separated' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l feedback -d 'Message printed after a ticket is created' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l parent -d 'The parent tracker tickets are transferred up to: BRANCH (of this repository) or REMOTE:BRANCH (a tracker of another repository, reached as a git remote)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l subtrackers -d 'Sub-trackers tickets can be dispatched down to: branches of this repository, comma-separated' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l set -d 'Set any configuration key, as `config set` does (can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l strict -d 'Strict lifecycle: people may set only the states their roles allow'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l no-comments -d 'Disallow comments'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l no-notifications -d 'Turn notifications off'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l auto-open-on-view -d 'A developer or the assignee viewing a POSTED ticket opens it'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l no-accept-transfers -d 'Refuse tickets transferred up from other trackers (accepted by default)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l force -d 'Create a tracker even though a remote has one (a separate tracker, which cannot be combined with the remote\'s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -s m -l message -d 'The description' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l body-file -d 'Read the description from FILE (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l assign -l assignee -d 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l watch -d 'Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l field -d 'Set a custom field (can be repeated); mandatory fields must be given' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l label -d 'Add LABEL (can be repeated); labels are written in lower case, and must be among labels.allowed when the tracker restricts them' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l attach -d 'Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the tracker\'s attachments.max_size (default 5 MiB); see `git tracker attachment`' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l if-absent -d 'File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else print that ticket\'s key and change nothing' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l priority -d 'Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only for the roles of priority_roles; see \'git tracker priority --help\')' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l format -d 'Output format: the key alone (table), or a JSON object with key, id, provisional and created (false when --if-absent found a ticket)' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l sync -d 'Publish the ticket at once (sync with the default remote) and print its final key'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand new" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -s m -l message -d 'The description' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l body-file -d 'Read the description from FILE (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l assign -l assignee -d 'Assign the ticket to EMAIL (or "Name <email>", or @me for yourself)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l watch -d 'Add EMAIL as a watcher (or "Name <email>", or @me; can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l field -d 'Set a custom field (can be repeated); mandatory fields must be given' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l label -d 'Add LABEL (can be repeated); labels are written in lower case, and must be among labels.allowed when the tracker restricts them' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l attach -d 'Attach FILE to the ticket (can be repeated): stored on the tracker branch, at most the tracker\'s attachments.max_size (default 5 MiB); see `git tracker attachment`' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l if-absent -d 'File only when no ticket in progress carries FINGERPRINT (e.g. ci:build:main); else print that ticket\'s key and change nothing' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l priority -d 'Rank the ticket as it is filed: top, bottom or before:KEY (in strict mode, only for the roles of priority_roles; see \'git tracker priority --help\')' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l format -d 'Output format: the key alone (table), or a JSON object with key, id, provisional and created (false when --if-absent found a ticket)' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l sync -d 'Publish the ticket at once (sync with the default remote) and print its final key'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l state -d 'Only tickets in STATE (can be repeated; overrides --closed and the default)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l label -d 'Only tickets with LABEL (can be repeated: all of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l assignee -d 'Only tickets assigned to EMAIL ("none": unassigned, "@me": you)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l reporter -d 'Only tickets reported by EMAIL ("@me": you)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l watcher -d 'Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l key -d 'Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be repeated: any of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l created -d 'Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l updated -d 'Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l field -d 'Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset; can be repeated: all of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -s S -l search -d 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l query -d 'A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE, field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l saved -d 'Run your saved query NAME (git tracker query save), with the other options added' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l sort -d 'Sort order: key, created (newest first), updated (latest first), state, assignee, priority (the ranking, 1 first; unranked tickets after, by key), or the name of a listable custom field' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l limit -d 'Show at most N tickets' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l closed -d 'Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l all -d 'Show tickets in every state'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l mine -d 'Only tickets I reported'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l work -d 'Only tickets assigned to me'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l watching -d 'Only tickets I watch'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l contested -d 'Only tickets with a contested field (changed concurrently in two clones) or on a dependency cycle (made in two clones)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l blocked -d 'Only tickets with a dependency still in progress (git tracker depend)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l blocking -d 'Only tickets in progress that a ticket in progress depends on'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l state -d 'Only tickets in STATE (can be repeated; overrides --closed and the default)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l label -d 'Only tickets with LABEL (can be repeated: all of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l assignee -d 'Only tickets assigned to EMAIL ("none": unassigned, "@me": you)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l reporter -d 'Only tickets reported by EMAIL ("@me": you)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l watcher -d 'Only tickets watched by EMAIL ("@me": you; can be repeated: any of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l key -d 'Only these tickets: a key (TRK-12), a number, or a range TRK-3..TRK-9 (can be repeated: any of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l created -d 'Only tickets created on DATE, or >DATE, >=DATE, <DATE, <=DATE, DATE..DATE (a day YYYY-MM-DD in UTC, or an RFC 3339 time; can be repeated: all of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l updated -d 'Only tickets last changed on DATE, or >DATE, … as --created (can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l field -d 'Only tickets whose custom field NAME is VALUE, ignoring ASCII case ("NAME=": unset; can be repeated: all of them)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -s S -l search -d 'Only tickets whose title, description, solution or a comment has these words ("a phrase" in quotes, -word to exclude, word* for a prefix)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l query -d 'A query (docs/search.md): qualifiers such as state:, assignee:me, created:>DATE, field:NAME=VALUE, label:NAME, is:contested, is:blocked, sort:-updated, limit:N, and words' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l saved -d 'Run your saved query NAME (git tracker query save), with the other options added' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l sort -d 'Sort order: key, created (newest first), updated (latest first), state, assignee, priority (the ranking, 1 first; unranked tickets after, by key), or the name of a listable custom field' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l limit -d 'Show at most N tickets' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l closed -d 'Show finished tickets (RESOLVED, ABANDONNED, TRANSFERED, VALIDATED) instead'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l all -d 'Show tickets in every state'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l mine -d 'Only tickets I reported'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l work -d 'Only tickets assigned to me'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l watching -d 'Only tickets I watch'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l contested -d 'Only tickets with a contested field (changed concurrently in two clones) or on a dependency cycle (made in two clones)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l blocked -d 'Only tickets with a dependency still in progress (git tracker depend)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l blocking -d 'Only tickets in progress that a ticket in progress depends on'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand view" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -f -a "save" -d 'Save QUERY under NAME (replacing what NAME held); it is checked first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -f -a "list" -d 'List your saved queries'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -f -a "delete" -d 'Delete your saved query NAME'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and not __fish_seen_subcommand_from save list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from save" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "save" -d 'Save QUERY under NAME (replacing what NAME held); it is checked first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "list" -d 'List your saved queries'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete your saved query NAME'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand query; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l on -d 'Turn mail about these kinds on (comma-separated, or `all`)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l off -d 'Turn mail about these kinds off (comma-separated, or `all`); a kind named by both --on and --off is refused, unless one of them says `all`: then the kinds named one by one win' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l format -d 'Output format of the preferences printed afterwards' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand prefs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l range -d 'Queue and send the mails for every event the commits OLD..NEW of the tracker branch brought (for a post-receive hook or a CI job); mails already sent are not sent again' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l format -d 'Output format of --status' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l flush -d 'Send every waiting mail now'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l status -d 'List the waiting mails'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand notify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -s m -l message -d 'A note recorded with the change' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -l format -d 'Output format of the list of states allowed next (without STATE)' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -l reopen -d 'Allow leaving a finished state'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand state" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -s m -l message -d 'A note recorded with the change' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -s m -l message -d 'A note recorded with the change' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -s m -l message -d 'The text' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -l body-file -d 'Read the text from FILE (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -l attach -d 'Attach FILE to the comment (can be repeated): stored on the tracker branch, at most the tracker\'s attachments.max_size (default 5 MiB); see `git tracker attachment`' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -a "edit" -d 'Replace the text of one of your comments'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -a "delete" -d 'Delete one of your comments (the history keeps it)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and not __fish_seen_subcommand_from edit delete help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -s m -l message -d 'The text' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -l body-file -d 'Read the text from FILE (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Replace the text of one of your comments'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete one of your comments (the history keeps it)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand comment; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -l me -d 'Assign to yourself'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -l none -d 'Remove the assignee'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -l events -d 'The kinds of change this watch sends mail about (comma-separated, `all`, or `none`): open, resolving, waiting, testing, published, resolved, abandonned, validated, transfered, comment, assign' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand unwatch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l title -d 'New title' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l body -d 'New description' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l body-file -d 'Read the new description from FILE (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l solution -d 'New solution text' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l solution-file -d 'Read the new solution from FILE (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l field -d 'Set a custom field (can be repeated; an empty value clears it)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l before -d 'Move it just before the ranked ticket KEY' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l after -d 'Move it just after the ranked ticket KEY' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l top -d 'Move it to the top: first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l bottom -d 'Move it to the bottom: after every ranked ticket'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l up -d 'Move it one place up'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l down -d 'Move it one place down'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand priority" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -s m -l message -d 'Why it should move up' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -l urgent -d 'An urgent request: accepted, it moves the ticket to the top'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -a "list" -d 'List the requests waiting for a decision (on the tickets you may see)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -a "accept" -d 'Accept a request: the ticket moves up (urgent: to the top)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -a "refuse" -d 'Refuse a request, saying why'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and not __fish_seen_subcommand_from list accept refuse help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -s m -l message -d 'Why it is refused' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from refuse" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the requests waiting for a decision (on the tickets you may see)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept a request: the ticket moves up (urgent: to the top)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from help" -f -a "refuse" -d 'Refuse a request, saying why'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand raise; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -l on -d 'The ticket it depends on (its key or id prefix)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand depend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -l on -d 'The ticket it should no longer depend on (its key or id prefix)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand undepend" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand label" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -f -a "list" -d 'List a ticket\'s attachments: name, size, who attached them, when, to what'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -f -a "get" -d 'Write an attachment\'s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and not __fish_seen_subcommand_from list get help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -s o -l output -d 'Where to write it (- for standard output); an existing FILE is replaced' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a ticket\'s attachments: name, size, who attached them, when, to what'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from help" -f -a "get" -d 'Write an attachment\'s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand attachment; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l timeout -d 'Give up after SECONDS: every git command of this sync (ls-remote, fetch, push) must have finished by then [default: git config tracker.syncTimeout, else 120]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l format -d 'Output format (json: one document describing what happened)' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l accept-deletions -d 'Take a remote branch that deleted or changed published events (an administrator\'s deliberate purge) instead of refusing it'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -l dry-run -d 'Say what would be done and write nothing'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -f -a "install" -d 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -f -a "uninstall" -d 'Remove the scan from the hooks, leaving the rest of each hook as it was'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and not __fish_seen_subcommand_from install uninstall help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from uninstall" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from help" -f -a "install" -d 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from help" -f -a "uninstall" -d 'Remove the scan from the hooks, leaving the rest of each hook as it was'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand hooks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -f -a "show" -d 'Print every key and its value'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -f -a "get" -d 'Print one key\'s value'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -f -a "set" -d 'Set one key (validated first; an invalid value writes nothing)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -f -a "edit" -d 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and not __fish_seen_subcommand_from show get set edit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -l file -d 'Use FILE as the new tracker.toml instead of opening an editor (- for standard input)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every key and its value'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one key\'s value'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set one key (validated first; an invalid value writes nothing)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand trackers" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -s m -l message -d 'Why it goes up: the message of its move to TRANSFERED, and a comment on the copy' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -l timeout -d 'Give up after SECONDS when the parent is in another repository [default: git config tracker.syncTimeout, else 120]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand transfer" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -l to -d 'The sub-tracker (its branch)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -s m -l message -d 'Why: the message of its move to TRANSFERED here' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand dispatch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -l rev -d 'Check the history ending at REV (a commit id or any revision) instead of the tracker branch\'s tip, e.g. a commit being pushed, from a pre-receive hook' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -l format -d 'Output format' -r -f -a "table\t'Human-readable text and tables'
json\t'One JSON document (see docs/format.md for the schema)'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l since -d 'Start of the window: a date (YYYY-MM-DD, midnight in --tz) or an RFC 3339 time [default: the start of the first ticket\'s period; tickets dated before the tracker branch\'s first commit are then left out, with a warning]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l until -d 'End of the window: a date (that whole day is included) or an RFC 3339 time (excluded) [default: the end of the current second]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l by -d 'Length of the trend\'s periods (weeks start on Monday)' -r -f -a "day\t'Calendar days'
week\t'ISO weeks, Monday to Sunday'
month\t'Calendar months'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l tz -d 'Time zone periods and dates are cut in: UTC, a fixed offset such as +02:00, or a zone name such as Europe/Paris (with its daylight saving time)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l state -d 'Only tickets in STATE at the end of the window (can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l assignee -d 'Only tickets assigned to EMAIL at the end of the window ("none": unassigned, "@me": you)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l reporter -d 'Only tickets reported by EMAIL ("@me": you)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l field -d 'Only tickets whose custom field NAME is VALUE at the end of the window ("NAME=": unset) (can be repeated)' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l format -d 'Output format (html is a self-contained page)' -r -f -a "table\t'Tables for a terminal'
json\t'One JSON document (see docs/reports.md)'
csv\t'Comma-separated values: one block per table, blocks separated by an empty line'
md\t'Markdown tables'
html\t'One self-contained, printable HTML page with SVG charts'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -s o -l output -d 'Write the report to FILE instead of standard output' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l include-subtrackers -d 'Count the tickets of the sub-trackers too (tracker.toml\'s subtrackers, theirs, and so on: the whole tree below this tracker, each tracker once)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand report" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -s o -l output -d 'Write the document to FILE (replaced whole, only once it is complete) instead of standard output' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -l from -d 'What wrote FILE: git tracker export, or gh issue list --json' -r -f -a "tracker\t'A document written by \'git tracker export\''
github\t'The JSON of \'gh issue list --json ...\''"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -l dir -d 'Where to create the scratch repositories [default: a new directory under the system\'s temporary directory]' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -s C -d 'Run as if started in DIR (like git -C)' -r -F
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -l color -d 'Colour keys, states and headers: auto (on a terminal, unless NO_COLOR is set; CLICOLOR_FORCE forces it), always, never' -r -f -a "auto\t'On a terminal, unless `NO_COLOR` is set (`CLICOLOR_FORCE` forces it)'
always\t'Always, even into a pipe or a file'
never\t'Never'"
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -l tracker -d 'Use the tracker on branch NAME (a repository may hold several; \'git tracker trackers\' lists them) [default: git config tracker.branch, else tracker]' -r
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -l install -d 'Install the pages where man and `git tracker --help` find them'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -s q -l quiet -d 'Print no status messages (warnings and errors still go to stderr)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -s v -l verbose -d 'Say more about what happened, e.g. why a change sent no mail'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -l no-pager -d 'Do not send long output through the pager (GIT_PAGER, core.pager, PAGER, else less)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -l utc -d 'Show times in UTC instead of the local time zone (TZ); JSON is always UTC'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "init" -d 'Create the tracker branch in this repository'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "new" -d 'File a new ticket and print its key'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "list" -d 'List tickets (in progress by default, newest first)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "show" -d 'Show a ticket: its fields, texts, watchers, comments and transitions'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "status" -d 'Show what needs you now: your work, tickets to assign, what changed'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "query" -d 'Manage your saved queries: save, list, delete'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "prefs" -d 'Show or change which changes you want mail about'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "notify" -d 'Send waiting mails, list them, or mail about a range of the branch'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "state" -d 'Move a ticket to another state'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "close" -d 'Close a ticket: move it to RESOLVED (a re-run changes nothing)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "reopen" -d 'Reopen a finished ticket: move it back to OPEN (a re-run changes nothing)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "comment" -d 'Comment on a ticket, or edit or delete a comment'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "assign" -d 'Assign a ticket to someone (EMAIL), to yourself (@me or --me) or to nobody (--none)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "watch" -d 'Watch a ticket: yourself, or the person with EMAIL'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "unwatch" -d 'Stop watching a ticket: yourself, or the person with EMAIL'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "edit" -d 'Change a ticket\'s title, description, solution or custom fields'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "priority" -d 'Move a ticket in the priority ranking'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "raise" -d 'Ask for a ticket\'s priority to be raised, or list, accept and refuse such requests'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "depend" -d 'Make a ticket depend on another one (it is blocked until the other is finished)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "undepend" -d 'Remove a dependency between two tickets'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "label" -d 'Add labels to a ticket or take them away'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "attachment" -d 'List or fetch the files attached to a ticket'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "log" -d 'Show a ticket\'s history: every event, oldest first, with who did it and when'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "sync" -d 'Share tickets with a remote: fetch its tracker branch, combine, push'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "scan" -d 'Apply the ticket keywords of commit messages: Fixes TRK-12, Refs TRK-12'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "hooks" -d 'Manage the git hooks that run \'git tracker scan\' after each commit and merge'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "config" -d 'Manage the tracker\'s configuration (stored on the branch, changes are commits)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "trackers" -d 'List the trackers of this repository and of its remotes'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "transfer" -d 'Transfer a ticket up to the parent tracker and print its key there'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "dispatch" -d 'Move a ticket down to a sub-tracker with its whole history and print its key there'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "verify" -d 'Check the whole tracker branch and its history (exit 3 when problems are found)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "report" -d 'Compute reports from the ticket history: states, people, trend, delays, HTML'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "export" -d 'Write the whole tracker as one JSON document'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "import" -d 'Add the tickets of an export document (or of GitHub issues) to the tracker'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "demo" -d 'Take a guided tour of two clones that file, move and sync tickets'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "completions" -d 'Print a shell completion script for `git-tracker` and `git tracker`'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "man" -d 'Write the man pages: git-tracker(1) and one page per subcommand'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and not __fish_seen_subcommand_from init new list show status query prefs notify state close reopen comment assign watch unwatch edit priority raise depend undepend label attachment log sync scan hooks config trackers transfer dispatch verify report export import demo completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "save" -d 'Save QUERY under NAME (replacing what NAME held); it is checked first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "list" -d 'List your saved queries'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from query" -f -a "delete" -d 'Delete your saved query NAME'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from comment" -f -a "edit" -d 'Replace the text of one of your comments'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from comment" -f -a "delete" -d 'Delete one of your comments (the history keeps it)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from raise" -f -a "list" -d 'List the requests waiting for a decision (on the tickets you may see)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from raise" -f -a "accept" -d 'Accept a request: the ticket moves up (urgent: to the top)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from raise" -f -a "refuse" -d 'Refuse a request, saying why'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from attachment" -f -a "list" -d 'List a ticket\'s attachments: name, size, who attached them, when, to what'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from attachment" -f -a "get" -d 'Write an attachment\'s bytes to a file (by default ./NAME, never overwritten), or to standard output with -o -; its size and SHA-256 are checked first'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from hooks" -f -a "install" -d 'Add the scan to the post-commit and post-merge hooks (an existing hook is kept)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from hooks" -f -a "uninstall" -d 'Remove the scan from the hooks, leaving the rest of each hook as it was'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every key and its value'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "get" -d 'Print one key\'s value'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set one key (validated first; an invalid value writes nothing)'
complete -c git-tracker -n "__fish_git_tracker_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "edit" -d 'Edit tracker.toml in $EDITOR (on a terminal), or replace it with a file; an invalid file writes nothing. Also repairs a tracker.toml that cannot be read'
