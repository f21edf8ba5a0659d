using System.Globalization;
using System.Text.Json.Nodes;
using TeGen.Sandbox.Store;

namespace TeGen.Sandbox.Domain;

// What TE provisions for an organization, as records of the collections that serve it read-only: users, insight
// types, custom field definitions, account classes, loan participant roles; a reset keeps them. Then the contact
// groups and surveys an organization starts with, which the API may change: a reset restores them as seeded.
internal static class SeedRecords
{
    public static void Load(TeState state)
    {
        Provisioned(state);
        Restore(state);
    }

    public static void Restore(TeState state)
    {
        foreach (var org in state.Tenants.Organizations)
        {
            foreach (var seeded in org.ContactGroups)
            {
                var group = Placed(state, org, new GroupRecord { Id = seeded.Id, OwnerId = seeded.OwnerId ?? org.Users[0].Id });
                group.Fields["group_name"] = seeded.Name;
                group.Fields["user_editable"] = seeded.UserEditable;
                state.Store.Groups.Add(group);
            }

            foreach (var seeded in org.Surveys)
            {
                var survey = Placed(state, org, new SurveyRecord
                {
                    Id = seeded.Id,
                    Questions = [.. seeded.Questions.Select(Question)],
                });
                survey.Fields["survey_name"] = seeded.Name;
                survey.Fields["version"] = seeded.Version;
                survey.Fields["source"] = seeded.Source;
                state.Store.Surveys.Add(survey);
            }
        }
    }

    private static void Provisioned(TeState state)
    {
        foreach (var org in state.Tenants.Organizations)
        {
            OrganizationSeed.Load(state, org);
            foreach (var user in org.Users)
            {
                Add(state, org, "/v1/users", user.Id.ToString(CultureInfo.InvariantCulture), new JsonObject
                {
                    ["email"] = user.Email,
                    ["external_id"] = user.ExternalId,
                    ["username"] = user.Username,
                    ["type"] = user.Type,
                    ["status"] = user.Status,
                    ["info"] = new JsonObject { ["first_name"] = user.FirstName, ["last_name"] = user.LastName },
                    ["role"] = new JsonObject { ["role_name"] = user.RoleName },
                });
            }

            foreach (var type in org.InsightTypes)
            {
                Add(state, org, "/v1/insight-types", type.Id.ToString(CultureInfo.InvariantCulture), new JsonObject
                {
                    ["type"] = type.Type,
                    ["description"] = type.Description,
                    ["expiration_interval"] = type.ExpirationInterval,
                });
            }

            foreach (var field in org.CustomFields)
            {
                Add(state, org, "/v1/schema/custom-fields", null, new JsonObject
                {
                    ["system_name"] = field.SystemName,
                    ["display_name"] = field.DisplayName,
                    ["data_type"] = field.DataType,
                    ["related_entity"] = new JsonObject { ["entity_type"] = field.EntityType, ["entity_subtype"] = field.EntitySubtype },
                    ["account_class"] = field.AccountClassName is null && field.AccountClassType is null
                        ? null
                        : new JsonObject { ["class_name"] = field.AccountClassName, ["class_type"] = field.AccountClassType },
                });
            }

            foreach (var accountClass in org.AccountClasses)
            {
                Add(state, org, "/v1/account-classifications", null, new JsonObject
                {
                    ["class_name"] = accountClass.ClassName,
                    ["class_type"] = accountClass.ClassType,
                });
            }

            EngagementSeeds.Load(state, org);

            foreach (var role in org.ParticipantRoles)
            {
                Add(state, org, "/v1/schema/participant-roles", null, new JsonObject
                {
                    ["system_name"] = role.SystemName,
                    ["display_name"] = role.DisplayName,
                    ["required"] = role.Required ? 1 : 0,
                    ["account_class"] = new JsonObject { ["class_name"] = role.AccountClassName, ["class_type"] = role.AccountClassType },
                    ["role_type"] = new JsonObject { ["type_name"] = role.RoleTypeName, ["discrete"] = role.Discrete, ["rules_type_id"] = role.RulesTypeId },
                });
            }
        }
    }

    internal static void Add(TeState state, SandboxOrganization org, string collection, string? id, JsonObject members)
    {
        var table = state.Store.Collection(collection);
        state.Store.MarkSeeded(collection);
        var row = Placed(state, org, new GenericRecord { Id = id ?? table.NextId().ToString(CultureInfo.InvariantCulture), NumericId = true });
        foreach (var (name, value) in members)
        {
            row.Fields[name] = value?.DeepClone();
        }

        table.Add(row);
    }

    // Stored as a create stores it: the data type in lower case, choices only on a choice question.
    private static QuestionRecord Question(SandboxSurveyQuestion question)
    {
        var dataType = question.DataType.ToLowerInvariant();
        return new QuestionRecord(
            question.Id,
            question.Text,
            question.SystemName,
            dataType,
            question.SortOrder,
            dataType == "choice" ? [.. question.Choices.Select(choice => new ChoiceRecord(choice.Value, choice.SystemName, choice.SortOrder))] : []);
    }

    // Seeded records carry the sandbox's start as their creation time.
    private static T Placed<T>(TeState state, SandboxOrganization org, T row)
        where T : StoredEntity
    {
        row.Place(org.Name, state.Store.NextSeq(), state.StartedAt);
        return row;
    }
}
