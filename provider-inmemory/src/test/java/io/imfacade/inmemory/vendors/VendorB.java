package io.imfacade.inmemory.vendors;

import io.imfacade.Capability;
import io.imfacade.profile.ProfileField;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;

/** Counts UTF-8 bytes, small member total and contact list, numeric group ids; lacks three capabilities. */
public final class VendorB extends FakeVendor {

  public static final String NO_CUSTOM_ATTRIBUTES = "Vendor B user cards have fixed fields";
  public static final String NO_TOTAL_SIZE = "Vendor B has no storage query";
  public static final String NO_ACCOUNT_DELETE = "Vendor B never deletes an account";

  public static final VendorLimits LIMITS = VendorLimits.builder("vendor-b")
      .userId(IdRule.ascii(32, "A-Za-z0-9_.@-"))
      .groupId(IdRule.ascii(20, "0-9"))
      .profileField(ProfileField.NICKNAME, 64, LengthUnit.BYTES)
      .profileField(ProfileField.BIRTH, 16, LengthUnit.BYTES)
      .profileTotalBytes(4096)
      .memberAttribute(LengthLimit.of(32, LengthUnit.BYTES), LengthLimit.of(1024, LengthUnit.BYTES))
      .memberTotalBytes(1024)
      .remark(128, LengthUnit.BYTES)
      .contactsMax(10)
      .blockListMax(3000)
      .pageSizeMax(100)
      .build();

  public static final ProviderMetadata METADATA = ProviderMetadata.builder("vendor-b")
      .name("Vendor B")
      .unsupported(Capability.PROFILE_CUSTOM_ATTRIBUTES, NO_CUSTOM_ATTRIBUTES)
      .unsupported(Capability.PROFILE_TOTAL_SIZE, NO_TOTAL_SIZE)
      .unsupported(Capability.ACCOUNT_DELETE, NO_ACCOUNT_DELETE)
      .limits(LIMITS)
      .build();

  public VendorB() {
    super(METADATA);
  }
}
