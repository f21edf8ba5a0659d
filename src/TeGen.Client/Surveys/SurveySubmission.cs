namespace TeGen.Client.Surveys;

/// <summary>What <see cref="SurveyWorkflow.SubmitAsync(SurveyDefinition, NewContact, SurveyAnswers, CancellationToken)"/> did.</summary>
/// <param name="Survey">The survey, with whether this run created it.</param>
/// <param name="Contact">The contact create's result: its id and whether TE matched an existing contact.</param>
/// <param name="ResponseId">TE's id of the survey response.</param>
public sealed record SurveySubmission(PreparedSurvey Survey, CreateResult Contact, string ResponseId);
