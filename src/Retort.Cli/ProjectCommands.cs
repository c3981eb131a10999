using System.CommandLine;
using Spectre.Console;

namespace Retort.Cli;

/// <summary><c>init</c> and <c>list-templates</c>: commands that need no existing project.</summary>
internal static class ProjectCommands
{
    public static void Add(Command root, GlobalOptions global, Output output)
    {
        var directory = new Argument<string>("DIR")
        {
            Description = "The folder for Env.cs, script.cs.template and versions/",
            DefaultValueFactory = _ => "migrations",
        };
        var template = new Option<string>("--template", "-t")
        {
            Description = "The project template: generic, multidb or library (see list-templates)",
            DefaultValueFactory = _ => "generic",
        };
        var init = new Command("init", "Create retort.json and a migrations folder from a template") { directory, template };
        init.SetAction(result =>
        {
            output.Lines(CommandText.Init(result.GetValue(directory)!, result.GetValue(template)!));
            return 0;
        });
        root.Add(init);

        var list = new Command("list-templates", "List the project templates init can use");
        list.SetAction(_ =>
        {
            if (Console.IsOutputRedirected)
            {
                foreach (var (name, description) in Templates.List())
                    output.Line($"{name} - {description}");
            }
            else
            {
                var table = new Spectre.Console.Table().AddColumn("Template").AddColumn("What it is");
                foreach (var (name, description) in Templates.List())
                    table.AddRow(Markup.Escape(name), Markup.Escape(description));
                output.Out.Flush();
                AnsiConsole.Write(table);
                output.Line("Use with: retort init --template NAME DIR");
            }
            return 0;
        });
        root.Add(list);
    }
}
