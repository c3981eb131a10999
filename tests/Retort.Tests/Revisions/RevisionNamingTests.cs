using Retort.Revisions;

namespace Retort.Tests.Revisions;

public sealed class RevisionNamingTests
{
    [Fact]
    public void New_ids_are_twelve_lowercase_hex_characters_and_differ()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => RevisionNaming.NewId()).ToList();
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{12}$", id));
        Assert.Equal(50, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("add new column Address", 40, "add_new_column_address")]
    [InlineData("Add: the 'users' table!", 40, "add_the_users_table")]
    [InlineData("a very long message indeed", 10, "a_very_")]
    public void Slugs_follow_alembic(string message, int length, string slug) =>
        Assert.Equal(slug, RevisionNaming.Slug(message, length));

    [Theory]
    [InlineData("add new column Address", "AddNewColumnAddress")]
    [InlineData("2nd try: users", "R2ndTryUsers")]
    [InlineData("!!!", "Revision")]
    public void Class_names_are_the_words_in_PascalCase(string message, string name) =>
        Assert.Equal(name, RevisionNaming.ClassName(message));

    [Fact]
    public void File_names_fill_every_token_of_the_template()
    {
        var at = new DateTimeOffset(2026, 11, 26, 9, 5, 7, TimeSpan.Zero);
        Assert.Equal("2026_11_26_0905_abc_add_x", RevisionNaming.FileName("{year}_{month}_{day}_{hour}{minute}_{rev}_{slug}", "abc", "add_x", at));
        Assert.Equal("1795683907_abc", RevisionNaming.FileName("{epoch}_{rev}_{slug}", "abc", "", at));
        var error = Assert.Throws<RetortException>(() => RevisionNaming.FileName("{rev}_{date}", "abc", "x", at));
        Assert.StartsWith("'fileTemplate' has an unknown token {date}", error.Message);
    }

    [Theory]
    [InlineData("a:b", "Revision id 'a:b' contains ':', which targets give meaning to; use letters, digits and '_'")]
    [InlineData("x-1+2", "Revision id 'x-1+2' contains '-' '+', which targets give meaning to; use letters, digits and '_'")]
    [InlineData("heads", "'heads' is a reserved word in targets and cannot be a revision id")]
    public void Ids_with_target_syntax_are_refused(string id, string message) =>
        Assert.Equal(message, Assert.Throws<RetortException>(() => RevisionNaming.ValidateId(id)).Message);
}
