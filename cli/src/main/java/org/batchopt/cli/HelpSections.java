package org.batchopt.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option help in sections, one per mixin that names a heading. Mixins rather than argument groups carry the
 * options: picocli starts a new instance of a non-repeating group when one of its options appears twice,
 * silently dropping the group's other options, whereas a repeated mixin option is a usage error.
 */
final class HelpSections {

    /** A mixin whose options get their own section in the help. */
    interface Section {
        String heading();
    }

    private HelpSections() {
    }

    /** Renders the option list of {@code cl} and of each of its subcommands in sections. */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpSections::render);
        cl.getSubcommands().values().forEach(HelpSections::install);
    }

    private static String render(Help help) {
        CommandSpec spec = help.commandSpec();
        List<String> headings = new ArrayList<>();
        List<List<OptionSpec>> sections = new ArrayList<>();
        collect(spec, headings, sections);
        Set<OptionSpec> claimed = new HashSet<>();
        sections.forEach(claimed::addAll);
        List<OptionSpec> general = spec.options().stream().filter(o -> !claimed.contains(o) && !o.hidden()).toList();
        StringBuilder text = new StringBuilder(help.optionListExcludingGroups(general));
        for (int k = 0; k < sections.size(); k++) {
            text.append(String.format("%n%s%n", headings.get(k)))
                    .append(help.optionListExcludingGroups(sections.get(k)));
        }
        return text.toString();
    }

    /** Depth first over the mixins: each section holds its mixin's options less those of its own mixins. */
    private static Set<OptionSpec> collect(CommandSpec spec, List<String> headings, List<List<OptionSpec>> sections) {
        Set<OptionSpec> all = new HashSet<>();
        for (Map.Entry<String, CommandSpec> e : spec.mixins().entrySet()) {
            CommandSpec mixin = e.getValue();
            int at = sections.size();
            Set<OptionSpec> nested = collect(mixin, headings, sections);
            if (mixin.userObject() instanceof Section s) {
                headings.add(at, s.heading());
                sections.add(at, mixin.options().stream().filter(o -> !nested.contains(o)).toList());
            }
            all.addAll(mixin.options());
        }
        return all;
    }
}
