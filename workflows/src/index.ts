/**
 * Tongban's real service processes as data: workflow definitions and their case fixtures.
 * @module
 */
import type { WorkflowDefinitionInput } from '@tongban/engine';
import openRestaurant from '../open-restaurant/definition.json' with { type: 'json' };
import newborn from '../newborn/definition.json' with { type: 'json' };
import companySetup from '../company-setup/definition.json' with { type: 'json' };
import constructionLowRisk from '../construction-low-risk/definition.json' with { type: 'json' };
import hotlineTicket from '../hotline-ticket/definition.json' with { type: 'json' };
import housingTransfer from '../housing-transfer/definition.json' with { type: 'json' };
import businessDeregistration from '../business-deregistration/definition.json' with { type: 'json' };
import openRestaurantSimulation from '../open-restaurant/simulation.json' with { type: 'json' };
import newbornSimulation from '../newborn/simulation.json' with { type: 'json' };
import companySetupSimulation from '../company-setup/simulation.json' with { type: 'json' };
import constructionLowRiskSimulation from '../construction-low-risk/simulation.json' with { type: 'json' };
import hotlineTicketSimulation from '../hotline-ticket/simulation.json' with { type: 'json' };
import housingTransferSimulation from '../housing-transfer/simulation.json' with { type: 'json' };
import businessDeregistrationSimulation from '../business-deregistration/simulation.json' with { type: 'json' };
import openRestaurantDistrictFireSignRefused from '../open-restaurant/fixtures/district-fire-sign-refused.json' with { type: 'json' };
import openRestaurantFireRefusedCity from '../open-restaurant/fixtures/fire-refused-city.json' with { type: 'json' };
import openRestaurantFireRefusedDistrict from '../open-restaurant/fixtures/fire-refused-district.json' with { type: 'json' };
import openRestaurantFoodRefusedAtDecision from '../open-restaurant/fixtures/food-refused-at-decision.json' with { type: 'json' };
import openRestaurantFoodRefusedAtReview from '../open-restaurant/fixtures/food-refused-at-review.json' with { type: 'json' };
import openRestaurantInspectionRectified from '../open-restaurant/fixtures/inspection-rectified.json' with { type: 'json' };
import openRestaurantLargeRestaurant from '../open-restaurant/fixtures/large-restaurant.json' with { type: 'json' };
import openRestaurantLicenceInvalid from '../open-restaurant/fixtures/licence-invalid.json' with { type: 'json' };
import openRestaurantNotAccepted from '../open-restaurant/fixtures/not-accepted.json' with { type: 'json' };
import openRestaurantReinspectionFailed from '../open-restaurant/fixtures/reinspection-failed.json' with { type: 'json' };
import openRestaurantReturnedToLicenceCheck from '../open-restaurant/fixtures/returned-to-licence-check.json' with { type: 'json' };
import openRestaurantReturnsWithinFoodBranch from '../open-restaurant/fixtures/returns-within-food-branch.json' with { type: 'json' };
import openRestaurantSmallCafe from '../open-restaurant/fixtures/small-cafe.json' with { type: 'json' };
import openRestaurantSupplementThenAccepted from '../open-restaurant/fixtures/supplement-then-accepted.json' with { type: 'json' };
import newbornCertificateRefused from '../newborn/fixtures/certificate-refused.json' with { type: 'json' };
import newbornCertificateSupplement from '../newborn/fixtures/certificate-supplement.json' with { type: 'json' };
import newbornHukouRefused from '../newborn/fixtures/hukou-refused.json' with { type: 'json' };
import newbornHukouSupplementThenReturn from '../newborn/fixtures/hukou-supplement-then-return.json' with { type: 'json' };
import newbornIneligible from '../newborn/fixtures/ineligible.json' with { type: 'json' };
import newbornInsuranceReturnsHukou from '../newborn/fixtures/insurance-returns-hukou.json' with { type: 'json' };
import newbornReimbursementRefused from '../newborn/fixtures/reimbursement-refused.json' with { type: 'json' };
import newbornStandard from '../newborn/fixtures/standard.json' with { type: 'json' };
import newbornWithReimbursement from '../newborn/fixtures/with-reimbursement.json' with { type: 'json' };
import companySetupBankDeclined from '../company-setup/fixtures/bank-declined.json' with { type: 'json' };
import companySetupManualReviewWithSupplements from '../company-setup/fixtures/manual-review-with-supplements.json' with { type: 'json' };
import companySetupRegistrationRefused from '../company-setup/fixtures/registration-refused.json' with { type: 'json' };
import companySetupStandardBeforeNationalDay from '../company-setup/fixtures/standard-before-national-day.json' with { type: 'json' };
import constructionLowRiskFireDesignResubmitted from '../construction-low-risk/fixtures/fire-design-resubmitted.json' with { type: 'json' };
import constructionLowRiskNotAcceptedAfterSupplement from '../construction-low-risk/fixtures/not-accepted-after-supplement.json' with { type: 'json' };
import constructionLowRiskSilentDepartmentsDeemedToAgree from '../construction-low-risk/fixtures/silent-departments-deemed-to-agree.json' with { type: 'json' };
import constructionLowRiskWarehouseBeforeMayDay from '../construction-low-risk/fixtures/warehouse-before-may-day.json' with { type: 'json' };
import hotlineTicketAnsweredAtIntake from '../hotline-ticket/fixtures/answered-at-intake.json' with { type: 'json' };
import hotlineTicketComplaintBeforeHolidays from '../hotline-ticket/fixtures/complaint-before-holidays.json' with { type: 'json' };
import hotlineTicketEmergencyRedoneAndReopened from '../hotline-ticket/fixtures/emergency-redone-and-reopened.json' with { type: 'json' };
import hotlineTicketHelpReopenedAfterCallback from '../hotline-ticket/fixtures/help-reopened-after-callback.json' with { type: 'json' };
import hotlineTicketReturnedTwiceThenAdjudicated from '../hotline-ticket/fixtures/returned-twice-then-adjudicated.json' with { type: 'json' };
import housingTransferLostCertificatePublicNotice from '../housing-transfer/fixtures/lost-certificate-public-notice.json' with { type: 'json' };
import housingTransferNotAccepted from '../housing-transfer/fixtures/not-accepted.json' with { type: 'json' };
import housingTransferRegistrationRefusedSeizure from '../housing-transfer/fixtures/registration-refused-seizure.json' with { type: 'json' };
import housingTransferTransferWithUtilitiesBeforeDragonBoat from '../housing-transfer/fixtures/transfer-with-utilities-before-dragon-boat.json' with { type: 'json' };
import businessDeregistrationDeregistrationRefused from '../business-deregistration/fixtures/deregistration-refused.json' with { type: 'json' };
import businessDeregistrationGeneralWithStaff from '../business-deregistration/fixtures/general-with-staff.json' with { type: 'json' };
import businessDeregistrationNotAccepted from '../business-deregistration/fixtures/not-accepted.json' with { type: 'json' };
import businessDeregistrationSimplifiedBeforeNewYear from '../business-deregistration/fixtures/simplified-before-new-year.json' with { type: 'json' };
import businessDeregistrationTaxNotCleared from '../business-deregistration/fixtures/tax-not-cleared.json' with { type: 'json' };
import type { WorkflowFixture } from './workflow-fixture.types.ts';
import type { SimulationProfile } from './simulation-profile.types.ts';

export type * from './simulation-profile.types.ts';
export type * from './workflow-fixture.types.ts';

/**
 * Every process definition of this package, as written in its `definition.json`.
 * Sources of each time limit: the README beside each definition.
 */
export const workflowDefinitions: readonly WorkflowDefinitionInput[] = [
  openRestaurant as WorkflowDefinitionInput,
  newborn as WorkflowDefinitionInput,
  companySetup as WorkflowDefinitionInput,
  constructionLowRisk as WorkflowDefinitionInput,
  hotlineTicket as WorkflowDefinitionInput,
  housingTransfer as WorkflowDefinitionInput,
  businessDeregistration as WorkflowDefinitionInput,
];

/** Thrown by {@link getWorkflow} for a key no definition of this package carries. */
export class UnknownWorkflowError extends Error {
  /** Stable error code. */
  readonly code = 'unknown-workflow';

  constructor(readonly key: string) {
    super(`No workflow definition has the key '${key}'; known keys: ${workflowDefinitions.map((d) => `'${d.key}'`).join(', ')}`);
    this.name = 'UnknownWorkflowError';
  }
}

/**
 * The definition whose `key` is `key`.
 * @throws {UnknownWorkflowError} when no definition has that key.
 */
export function getWorkflow(key: string): WorkflowDefinitionInput {
  const definition = workflowDefinitions.find((d) => d.key === key);
  if (definition === undefined) throw new UnknownWorkflowError(key);
  return definition;
}

/**
 * Every case fixture of this package: applicant data sets that take each branch, with the clerks'
 * decisions and the expected result and tasks (`<workflow>/fixtures/*.json`).
 */
export const workflowFixtures: readonly WorkflowFixture[] = [
  openRestaurantDistrictFireSignRefused as WorkflowFixture,
  openRestaurantFireRefusedCity as WorkflowFixture,
  openRestaurantFireRefusedDistrict as WorkflowFixture,
  openRestaurantFoodRefusedAtDecision as WorkflowFixture,
  openRestaurantFoodRefusedAtReview as WorkflowFixture,
  openRestaurantInspectionRectified as WorkflowFixture,
  openRestaurantLargeRestaurant as WorkflowFixture,
  openRestaurantLicenceInvalid as WorkflowFixture,
  openRestaurantNotAccepted as WorkflowFixture,
  openRestaurantReinspectionFailed as WorkflowFixture,
  openRestaurantReturnedToLicenceCheck as WorkflowFixture,
  openRestaurantReturnsWithinFoodBranch as WorkflowFixture,
  openRestaurantSmallCafe as WorkflowFixture,
  openRestaurantSupplementThenAccepted as WorkflowFixture,
  newbornCertificateRefused as WorkflowFixture,
  newbornCertificateSupplement as WorkflowFixture,
  newbornHukouRefused as WorkflowFixture,
  newbornHukouSupplementThenReturn as WorkflowFixture,
  newbornIneligible as WorkflowFixture,
  newbornInsuranceReturnsHukou as WorkflowFixture,
  newbornReimbursementRefused as WorkflowFixture,
  newbornStandard as WorkflowFixture,
  newbornWithReimbursement as WorkflowFixture,
  companySetupBankDeclined as WorkflowFixture,
  companySetupManualReviewWithSupplements as WorkflowFixture,
  companySetupRegistrationRefused as WorkflowFixture,
  companySetupStandardBeforeNationalDay as WorkflowFixture,
  constructionLowRiskFireDesignResubmitted as WorkflowFixture,
  constructionLowRiskNotAcceptedAfterSupplement as WorkflowFixture,
  constructionLowRiskSilentDepartmentsDeemedToAgree as WorkflowFixture,
  constructionLowRiskWarehouseBeforeMayDay as WorkflowFixture,
  hotlineTicketAnsweredAtIntake as WorkflowFixture,
  hotlineTicketComplaintBeforeHolidays as WorkflowFixture,
  hotlineTicketEmergencyRedoneAndReopened as WorkflowFixture,
  hotlineTicketHelpReopenedAfterCallback as WorkflowFixture,
  hotlineTicketReturnedTwiceThenAdjudicated as WorkflowFixture,
  housingTransferLostCertificatePublicNotice as WorkflowFixture,
  housingTransferNotAccepted as WorkflowFixture,
  housingTransferRegistrationRefusedSeizure as WorkflowFixture,
  housingTransferTransferWithUtilitiesBeforeDragonBoat as WorkflowFixture,
  businessDeregistrationDeregistrationRefused as WorkflowFixture,
  businessDeregistrationGeneralWithStaff as WorkflowFixture,
  businessDeregistrationNotAccepted as WorkflowFixture,
  businessDeregistrationSimplifiedBeforeNewYear as WorkflowFixture,
  businessDeregistrationTaxNotCleared as WorkflowFixture,
];

/**
 * The simulation profile of every workflow (`<workflow>/simulation.json`): the decision rates of
 * `tongban simulate`, each with its source or `assumption`.
 */
export const simulationProfiles: readonly SimulationProfile[] = [
  openRestaurantSimulation as SimulationProfile,
  newbornSimulation as SimulationProfile,
  companySetupSimulation as SimulationProfile,
  constructionLowRiskSimulation as SimulationProfile,
  hotlineTicketSimulation as SimulationProfile,
  housingTransferSimulation as SimulationProfile,
  businessDeregistrationSimulation as SimulationProfile,
];
