import type { ACCOUNTS_ID } from './messages.accounts.id.js';

/** English for `messages.accounts.id.ts` (every key there must be here); spread into `EN`. */
export const ACCOUNTS_EN: Record<keyof typeof ACCOUNTS_ID, string> = {
  'claim.deskTitle': 'Online account',
  'claim.deskIntro':
    'This job seeker has no account yet. Make a claim code so they can create their own account and use the record taken at the counter.',
  'claim.deskHasLogin': 'This job seeker already has an online account.',
  'claim.issue': 'Make a claim code',
  'claim.issueConfirm': 'Make a new claim code for {name}? Any earlier code stops working.',
  'claim.codeTitle': 'Claim code for {name}',
  'claim.codeLabel': 'Claim code',
  'claim.codeExpires': 'Valid until {when} (7 days), for one use only.',
  'claim.codeGive':
    'Give this code to {name}. With it and their NIK they can create an account at {url}. The code cannot be shown again; if it is lost, make a new one.',
  'claim.back': 'Back to the job seeker',
  'claim.title': 'Claim your registration',
  'claim.intro':
    'Already registered at the labour office? Enter the claim code the officer gave you and your NIK, then choose an email and password for your account. The record the officer took is kept.',
  'claim.submit': 'Create account',
  'claim.registerHint': 'Already registered at the labour office?',
  'claim.registerLink': 'Create your account with the claim code from the officer',
  'field.claimCode': 'Claim code',
  'hint.claimCode': '8 letters and digits from the officer, e.g. K7PX-3QMA',
  'hint.claimNik': 'The NIK recorded at the labour office, 16 digits',
  'fielderr.claimCode': 'Enter the claim code from the officer.',
  'fielderr.claim.nik': 'The NIK must be 16 digits.',
  'ok.seekerClaimed': 'Your account has been created and linked to your registration.',
  'error.INVALID_CLAIM_CODE':
    'The claim code or NIK does not match, or the code was used or has expired. Check them, or ask the officer for a new code.',
  'error.CLAIM_FAILURE_LIMIT': 'Too many failed attempts from this network. Try again in an hour.',
  'error.SEEKER_HAS_LOGIN': 'This job seeker already has an online account; no claim code is needed.',
  'auditAction.seeker.claimCodeIssued': 'Account claim code made',
  'auditAction.seeker.claimed': 'Online account created with a claim code',
  'auditSentence.seeker.claimCodeIssued': '{actor} made an account claim code for {seeker}.',
  'auditSentence.seeker.claimed': '{seeker} created an online account with a claim code.',

  'verify.title': 'Email verification',
  'verify.confirmIntro': 'Press the button below to confirm that this email address is yours.',
  'verify.confirm': 'Verify my email',
  'verify.done': 'Thank you, your email address is verified.',
  'verify.invalid':
    'This verification link does not work: it may have been used or be older than 24 hours. Sign in and ask for a new link.',
  'verify.statusVerified': 'Your email address ({email}) is verified.',
  'verify.statusUnverified': 'Your email address ({email}) is not verified yet. We can send a verification link to it.',
  'verify.resend': 'Send the verification link again',
  'verify.send': 'Send a verification link',
  'verify.signInFirst': 'Sign in to ask for a verification link.',
  'ok.verificationSent':
    'A verification link has been sent to your email. Open it and follow the link (valid 24 hours).',
  'error.EMAIL_NOT_VERIFIED':
    'Before requesting a card or applying, please confirm your email address. We will send a verification link to your email.',
  'error.INVALID_VERIFICATION_TOKEN':
    'This verification link does not work: it may have been used or be older than 24 hours. Ask for a new link.',
  'error.EMAIL_VERIFICATION_LIMIT': 'The verification link has been sent several times already. Try again in an hour.',

  'reset.forgotLink': 'Forgot your password?',
  'reset.requestTitle': 'Forgot your password',
  'reset.requestIntro':
    'Enter the email address of your account. If it is registered, we send a link to choose a new password.',
  'reset.requestSubmit': 'Send the link',
  'reset.requested':
    'If that email address is registered, we have sent a link to choose a new password. Check your inbox (and spam folder). The link is valid for 30 minutes.',
  'reset.title': 'Choose a new password',
  'reset.intro': 'Enter a new password for your account.',
  'reset.submit': 'Save the password',
  'reset.newPassword': 'New password',
  'reset.done': 'Your password has been changed. Please sign in with your new password.',
  'reset.invalid':
    'This link does not work: it may have been used, replaced by a newer link, or be older than 30 minutes. Ask for a new link.',
  'reset.again': 'Ask for a new link',
  'error.INVALID_RESET_TOKEN':
    'This link does not work: it may have been used, replaced by a newer link, or be older than 30 minutes. Ask for a new link.',
  'signin.toSignIn': 'Sign in',
};
