namespace TeGen.Client.AspNetCore;

/// <summary>
/// A notification from TE, authenticated and new (not a repeat of the record's latest <see cref="HashValue"/>). The
/// concrete type says what happened: <see cref="ContactCreated"/>, <see cref="ContactUpdated"/>,
/// <see cref="ContactDeleted"/>, <see cref="EmailUnsubscribeUpdated"/>, or <see cref="UnknownTotalExpertWebhookEvent"/>
/// for a pair TeGen does not know. The secret is never part of an event.
/// </summary>
/// <param name="Item">The record type as TE sent it, e.g. <c>CONTACT</c>.</param>
/// <param name="Action">What happened as TE sent it, e.g. <c>CREATED</c>.</param>
/// <param name="Id">TE id of the record; read it through the SDK for its content.</param>
/// <param name="HashValue">TE's hash of the record's content (hexadecimal).</param>
public abstract record TotalExpertWebhookEvent(string Item, string Action, long Id, string HashValue);

/// <summary>A contact was created (<c>CONTACT</c> <c>CREATED</c>).</summary>
/// <param name="Id">TE id of the contact.</param>
/// <param name="HashValue">TE's hash of the contact's content.</param>
public sealed record ContactCreated(long Id, string HashValue) : TotalExpertWebhookEvent("CONTACT", "CREATED", Id, HashValue);

/// <summary>A contact was updated (<c>CONTACT</c> <c>UPDATED</c>).</summary>
/// <param name="Id">TE id of the contact.</param>
/// <param name="HashValue">TE's hash of the contact's content.</param>
public sealed record ContactUpdated(long Id, string HashValue) : TotalExpertWebhookEvent("CONTACT", "UPDATED", Id, HashValue);

/// <summary>A contact was deleted (<c>CONTACT</c> <c>DELETED</c>).</summary>
/// <param name="Id">TE id of the contact.</param>
/// <param name="HashValue">TE's hash value for the deletion.</param>
public sealed record ContactDeleted(long Id, string HashValue) : TotalExpertWebhookEvent("CONTACT", "DELETED", Id, HashValue);

/// <summary>An e-mail unsubscribe record changed (<c>EMAIL_UNSUBSCRIBE</c> <c>UPDATED</c>).</summary>
/// <param name="Id">TE id of the unsubscribe record.</param>
/// <param name="HashValue">TE's hash of the record's content.</param>
public sealed record EmailUnsubscribeUpdated(long Id, string HashValue) : TotalExpertWebhookEvent("EMAIL_UNSUBSCRIBE", "UPDATED", Id, HashValue);

/// <summary>A pair TeGen has no type for (TE's <c>/v1/webhook-actions</c> may list more than it documents); the raw pair is kept.</summary>
/// <param name="Item">The record type as TE sent it.</param>
/// <param name="Action">What happened as TE sent it.</param>
/// <param name="Id">TE id of the record.</param>
/// <param name="HashValue">TE's hash of the record's content.</param>
public sealed record UnknownTotalExpertWebhookEvent(string Item, string Action, long Id, string HashValue) : TotalExpertWebhookEvent(Item, Action, Id, HashValue);
