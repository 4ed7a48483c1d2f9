package io.imfacade.inmemory.vendors;

import io.imfacade.Capability;
import io.imfacade.profile.ProfileField;
import io.imfacade.spi.IdRule;
import io.imfacade.spi.LengthLimit;
import io.imfacade.spi.LengthUnit;
import io.imfacade.spi.ProviderMetadata;
import io.imfacade.spi.VendorLimits;

/** Counts code points, any printable id, small block list; lacks the total size query. */
public final class VendorC extends FakeVendor {

  public static final String NO_TOTAL_SIZE = "Vendor C keeps no sizes";

  public static final VendorLimits LIMITS = VendorLimits.builder("vendor-c")
      .userId(IdRule.anyPrintable(48))
      .groupId(IdRule.ascii(40, "A-Za-z0-9-"))
      .profileField(ProfileField.NICKNAME, 20, LengthUnit.CODE_POINTS)
      .memberAttribute(LengthLimit.of(24, LengthUnit.CODE_POINTS), LengthLimit.of(300, LengthUnit.CODE_POINTS))
      .remark(50, LengthUnit.CODE_POINTS)
      .blockListMax(200)
      .pageSizeMax(80)
      .password(LengthLimit.of(16, LengthUnit.CODE_POINTS))
      .build();

  public static final ProviderMetadata METADATA = ProviderMetadata.builder("vendor-c")
      .name("Vendor C")
      .unsupported(Capability.PROFILE_TOTAL_SIZE, NO_TOTAL_SIZE)
      .limits(LIMITS)
      .build();

  public VendorC() {
    super(METADATA);
  }
}
